namespace CampaignBot.Discord.Json;

/// <summary>
/// A message to create or edit: the body of <c>POST /channels/{id}/messages</c>, of interaction callbacks and of
/// webhook edits. Unset fields are left out of the JSON.
/// </summary>
internal sealed record MessageBody
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Button rows (event cards); an edit that sends an empty list removes them.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    public int? Flags { get; init; }

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }
}
