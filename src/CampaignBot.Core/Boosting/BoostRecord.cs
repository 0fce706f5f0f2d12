namespace CampaignBot.Core.Boosting;

/// <summary>The stored decision about one post and where it stands now.</summary>
public sealed record BoostRecord(
    string StatusKey,
    string StatusId,
    string AuthorKey,
    BoostState State,
    BoostSkipReason? Reason,
    int Attempts,
    DateTimeOffset PostedAt,
    DateTimeOffset DecidedAt,
    DateTimeOffset UpdatedAt,
    string? LastError)
{
    /// <summary>Decided to boost but not confirmed yet: a retry may reblog it (the server's reblog is idempotent).</summary>
    public bool AwaitsRetry => State is BoostState.RateLimited or BoostState.Failed or BoostState.Boosting;
}
