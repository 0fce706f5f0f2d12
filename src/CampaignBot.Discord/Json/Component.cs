namespace CampaignBot.Discord.Json;

/// <summary>A message component: an action row (type 1) holding buttons (type 2). Unset fields are left out.</summary>
internal sealed record Component(int Type)
{
    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public bool? Disabled { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }
}
