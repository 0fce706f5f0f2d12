namespace CampaignBot.Discord.Json;

/// <summary>
/// Create or modify a guild scheduled event (entity type 3, EXTERNAL, guild-only privacy). Unset fields are left out,
/// so a cancellation sends only <see cref="Status"/>.
/// </summary>
internal sealed record ScheduledEventBody
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ScheduledStartTime { get; init; }

    public string? ScheduledEndTime { get; init; }

    public int? PrivacyLevel { get; init; }

    public int? EntityType { get; init; }

    public ScheduledEventLocation? EntityMetadata { get; init; }

    public int? Status { get; init; }
}
