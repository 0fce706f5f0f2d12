namespace CampaignBot.Discord.Interactions;

/// <summary>
/// The parts of an interaction the bot uses: who, where, with which permissions, and the command path with its
/// options flattened to raw strings (<see cref="Focused"/> names the option being typed in autocomplete). A button
/// press carries the button's <see cref="CustomId"/> instead of a path.
/// </summary>
internal sealed record Interaction(
    string Id,
    string ApplicationId,
    string Token,
    int Type,
    string? GuildId,
    string? ChannelId,
    string? ChannelName,
    string UserId,
    string UserName,
    ulong Permissions,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Path,
    IReadOnlyDictionary<string, string> Options,
    string? Focused,
    string? CustomId = null);
