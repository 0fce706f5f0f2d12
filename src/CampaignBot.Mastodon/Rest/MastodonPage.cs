namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// One page of a list endpoint with its <c>Link</c> header: <see cref="Next"/> is the older page, <see cref="Prev"/>
/// the newer one. Either is null where the server sent no such link (some servers send none at all).
/// </summary>
internal sealed record MastodonPage<T>(IReadOnlyList<T> Items, Uri? Next, Uri? Prev)
{
    /// <summary>The <c>min_id</c> of the newer-page link: the cursor to continue forward from.</summary>
    public string? PrevMinId => Prev is null ? null : LinkHeader.QueryValue(Prev, "min_id");

    /// <summary>The <c>max_id</c> of the older-page link: the cursor to continue backward from.</summary>
    public string? NextMaxId => Next is null ? null : LinkHeader.QueryValue(Next, "max_id");
}
