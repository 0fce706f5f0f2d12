namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// The one REST call auto-boost needs: <c>POST /api/v1/statuses/:id/reblog</c>. The REST client implements it;
/// it copes with servers that return the wrapper status and with those that return the original with
/// <c>reblogged: true</c>.
/// </summary>
public interface IReblogClient
{
    Task<ReblogResult> ReblogAsync(string statusId, CancellationToken cancellationToken);
}

/// <summary>What a reblog request came to.</summary>
public enum ReblogResult
{
    /// <summary>The server boosted it (or had already: reblog is idempotent on the server).</summary>
    Boosted,

    /// <summary>The server refused it for good (403, 404, 422): do not try again.</summary>
    Refused,

    /// <summary>Throttled (429 or the statuses budget is spent): try again after the reset.</summary>
    RateLimited,

    /// <summary>A transient failure (5xx, timeout, unreachable): may be tried again later.</summary>
    Failed,
}
