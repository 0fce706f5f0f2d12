namespace CampaignBot.Seeding;

/// <summary>
/// One event of a seed file. <c>when</c> takes everything the <c>event create</c> command does, so a seed can say
/// <c>saturday 12:00</c> and stay in the future; <c>duration</c> (e.g. <c>24h</c>) sets the end.
/// </summary>
public sealed class SeedEvent
{
    public string Kind { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string When { get; set; } = string.Empty;

    public string? Duration { get; set; }

    public string? Timezone { get; set; }

    public string? Location { get; set; }

    public string? Description { get; set; }

    public List<string> Hashtags { get; set; } = [];

    public string? Link { get; set; }

    public string? Reminders { get; set; }
}
