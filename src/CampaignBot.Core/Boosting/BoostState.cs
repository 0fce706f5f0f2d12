namespace CampaignBot.Core.Boosting;

/// <summary>Where the decision about one post stands. Stored as the lower-case words of <see cref="BoostWords"/>.</summary>
public enum BoostState
{
    /// <summary>Decided to boost and claimed; the reblog request is in flight (or a crash interrupted it, and a retry will repeat it).</summary>
    Boosting,

    /// <summary>The server confirmed the boost.</summary>
    Boosted,

    /// <summary>Not boosted, for good, with a <see cref="BoostSkipReason"/>.</summary>
    Skipped,

    /// <summary>Decided to boost, but the server refused it for good (403, 404, 422).</summary>
    Refused,

    /// <summary>Decided to boost, held back by the server's rate limit: retried after the reset.</summary>
    RateLimited,

    /// <summary>Decided to boost, the request failed transiently: retried later.</summary>
    Failed,
}
