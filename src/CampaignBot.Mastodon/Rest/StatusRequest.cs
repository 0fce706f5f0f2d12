namespace CampaignBot.Mastodon.Rest;

/// <summary>The body of <c>POST /api/v1/statuses</c> (a text status).</summary>
internal sealed record StatusRequest(string Status, string Visibility)
{
    public string? InReplyToId { get; init; }

    public string? SpoilerText { get; init; }

    public string? Language { get; init; }
}
