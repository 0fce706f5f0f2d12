namespace CampaignBot.Core.Boosting;

/// <summary>
/// Every auto-boost decision, persisted when it is made, keyed by the original post (see
/// <see cref="BoostDecision.StatusKey"/>) so that the stream, polls, backfill and restarts never boost a post twice.
/// The first decision about a post wins; later ones only move a claimed boost to its outcome.
/// </summary>
public interface IBoostLedger
{
    /// <summary>The decision about a post, or null when there is none yet.</summary>
    Task<BoostRecord?> FindAsync(string statusKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="decision"/> unless the post has one already. True only for the caller whose decision was
    /// stored, even when several race (other processes included): only that caller may go on to reblog.
    /// </summary>
    Task<bool> TryDecideAsync(BoostDecision decision, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a claimed boost (<see cref="BoostState.Boosting"/>) to what the reblog request came to: boosted, refused,
    /// rate-limited or failed; or a waiting one to skipped (<see cref="BoostSkipReason.GaveUp"/>). Counts an attempt
    /// unless the state is skipped. A boost already confirmed stays boosted.
    /// </summary>
    Task RecordOutcomeAsync(string statusKey, BoostState state, BoostSkipReason? reason, string? error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a boost awaiting retry again: a rate-limited or failed one, or one left claimed since before
    /// <paramref name="staleBefore"/> (a crash between claim and outcome). True for the one caller that wins it.
    /// </summary>
    Task<bool> TryReclaimAsync(string statusKey, DateTimeOffset staleBefore, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Boosts awaiting retry (see <see cref="TryReclaimAsync"/>), oldest decision first.</summary>
    Task<IReadOnlyList<BoostRecord>> ListAwaitingRetryAsync(DateTimeOffset staleBefore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Posts decided for boosting since <paramref name="since"/> (boosted, in flight or awaiting retry), of one author
    /// when <paramref name="authorKey"/> is given: what the caps count.
    /// </summary>
    Task<int> CountBoostsSinceAsync(DateTimeOffset since, string? authorKey, CancellationToken cancellationToken);

    Task<BoostSummary> SummariseAsync(CancellationToken cancellationToken);
}
