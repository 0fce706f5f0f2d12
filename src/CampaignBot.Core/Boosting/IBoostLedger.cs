namespace CampaignBot.Core.Boosting;

/// <summary>
/// Every auto-boost decision, persisted when it is made, keyed by the original post (see
/// <see cref="BoostDecision.StatusKey"/>) so that the stream, polls, backfill and restarts never boost a post twice.
/// The first decision about a post wins; later ones only move a claimed boost to its outcome.
/// </summary>
public interface IBoostLedger
{
    /// <summary>
    /// The decision about a post, or null when there is none yet. By key alone: a claimed boost is found by index, a
    /// skipped post by reading the ledger through, so this is for inspection, not for the path of every post
    /// (<see cref="FindDecidedAsync"/> is).
    /// </summary>
    Task<BoostRecord?> FindAsync(string statusKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="decision"/> unless the post has one already. True only for the caller whose decision was
    /// stored, even when several race (other processes included): only that caller may go on to reblog.
    /// </summary>
    Task<bool> TryDecideAsync(BoostDecision decision, CancellationToken cancellationToken);

    /// <summary>The keys of those <paramref name="posts"/> that have a decision already, in one round trip.</summary>
    Task<IReadOnlySet<string>> FindDecidedAsync(IReadOnlyCollection<PostKey> posts, CancellationToken cancellationToken);

    /// <summary>
    /// Stores skip decisions together (one transaction), each only where the post has no decision yet: as with
    /// <see cref="TryDecideAsync"/>, the first decision about a post wins, whoever made it.
    /// </summary>
    Task TrySkipAllAsync(IReadOnlyList<BoostDecision> skips, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a boost that was decided but not confirmed (claimed, rate-limited or failed) to <paramref name="outcome"/>,
    /// counting an attempt when one was made. A post that is boosted, skipped or refused stays so.
    /// </summary>
    Task RecordOutcomeAsync(string statusKey, BoostOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a boost awaiting retry again: a rate-limited or failed one, or one left claimed since before
    /// <paramref name="staleBefore"/> (a crash between claim and outcome). True for the one caller that wins it.
    /// </summary>
    Task<bool> TryReclaimAsync(string statusKey, DateTimeOffset staleBefore, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Boosts awaiting retry (see <see cref="TryReclaimAsync"/>), oldest decision first.</summary>
    Task<IReadOnlyList<BoostRecord>> ListAwaitingRetryAsync(DateTimeOffset staleBefore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Posts decided for boosting (boosted, in flight or awaiting retry) since <paramref name="since"/>, and those of
    /// each of <paramref name="authorKeys"/> since <paramref name="authorSince"/>: what the caps count, in one round trip.
    /// </summary>
    Task<BoostCapCounts> CountBoostsAsync(DateTimeOffset since, IReadOnlyCollection<string> authorKeys, DateTimeOffset authorSince, CancellationToken cancellationToken);

    Task<BoostSummary> SummariseAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes skip decisions about posts posted before <paramref name="postedBefore"/> and decided before
    /// <paramref name="decidedBefore"/>, in chunks; returns how many. Boosts and refusals are kept.
    /// </summary>
    Task<int> ForgetSkipsAsync(DateTimeOffset postedBefore, DateTimeOffset decidedBefore, CancellationToken cancellationToken);
}
