namespace CampaignBot.Discord.Json;

/// <summary>Which mentions in a message may ping. Always sent explicitly: nothing is parsed from text.</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Roles = null, IReadOnlyList<string>? Users = null)
{
    public static AllowedMentions None { get; } = new([]);
}
