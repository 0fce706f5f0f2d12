using System.Data.Common;
using CampaignBot.Core.Boosting;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// Auto-boost decisions, one row per original post. The first decision is an insert-if-absent, so of racing callers
// (stream and poll, or two processes) exactly one gets to reblog; outcomes only ever move rows that still wait.
public sealed class SqlBoostLedger(DbDataSource dataSource) : IBoostLedger
{
    private const string SelectList = "status_key, status_id, author_key, state, reason, attempts, posted_at_ms, decided_at_ms, updated_at_ms, last_error";
    private const string Waiting = "state IN ('boosting', 'rate-limited', 'failed')";
    private const string DecidedToBoost = "state <> 'skipped' AND state <> 'refused'";
    private const string AwaitingRetry = "(state IN ('rate-limited', 'failed') OR (state = 'boosting' AND updated_at_ms < @stale))";

    public Task<BoostRecord?> FindAsync(string statusKey, CancellationToken cancellationToken) =>
        dataSource.QueryFirstOrDefaultAsync($"SELECT {SelectList} FROM boosts WHERE status_key = @key", [("@key", statusKey)], Read, cancellationToken);

    public async Task<bool> TryDecideAsync(BoostDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.State is not (BoostState.Boosting or BoostState.Skipped) || (decision.State == BoostState.Skipped) != decision.Reason.HasValue)
        {
            throw new ArgumentException("A first decision is a claim to boost, or a skip with its reason.", nameof(decision));
        }

        var decided = Columns.Milliseconds(decision.DecidedAt);
        return await dataSource.ExecuteAsync(
            $"""
            INSERT INTO boosts ({SelectList})
            VALUES (@key, @status_id, @author_key, @state, @reason, 0, @posted, @decided, @decided, NULL)
            ON CONFLICT (status_key) DO NOTHING
            """,
            [
                ("@key", decision.StatusKey),
                ("@status_id", decision.StatusId),
                ("@author_key", decision.AuthorKey),
                ("@state", BoostWords.Of(decision.State)),
                ("@reason", decision.Reason is { } reason ? BoostWords.Of(reason) : null),
                ("@posted", Columns.Milliseconds(decision.PostedAt)),
                ("@decided", decided),
            ],
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task RecordOutcomeAsync(string statusKey, BoostOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.State == BoostState.Boosting || (outcome.State == BoostState.Skipped) != outcome.Reason.HasValue)
        {
            throw new ArgumentException("An outcome is boosted, refused, rate-limited, failed, or skipped with its reason.", nameof(outcome));
        }

        return dataSource.ExecuteAsync(
            $"""
            UPDATE boosts
            SET state = @state, reason = @reason, attempts = attempts + @attempt, last_error = @error, updated_at_ms = @now
            WHERE status_key = @key AND {Waiting}
            """,
            [
                ("@key", statusKey),
                ("@state", BoostWords.Of(outcome.State)),
                ("@reason", outcome.Reason is { } reason ? BoostWords.Of(reason) : null),
                ("@attempt", outcome.Attempted ? 1 : 0),
                ("@error", outcome.Error),
                ("@now", Columns.Milliseconds(outcome.At)),
            ],
            cancellationToken);
    }

    // An UPDATE whose WHERE re-checks the state: under concurrency only one caller sees a row change.
    public async Task<bool> TryReclaimAsync(string statusKey, DateTimeOffset staleBefore, DateTimeOffset at, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            $"UPDATE boosts SET state = 'boosting', updated_at_ms = @now WHERE status_key = @key AND {AwaitingRetry}",
            [("@key", statusKey), ("@stale", Columns.Milliseconds(staleBefore)), ("@now", Columns.Milliseconds(at))],
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<BoostRecord>> ListAwaitingRetryAsync(DateTimeOffset staleBefore, int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            $"SELECT {SelectList} FROM boosts WHERE {Waiting} AND {AwaitingRetry} ORDER BY decided_at_ms, status_key LIMIT @limit",
            [("@stale", Columns.Milliseconds(staleBefore)), ("@limit", limit)],
            Read,
            cancellationToken);

    // Two indexed counts, one round trip: this is on the path from a post arriving to its reblog.
    public Task<BoostCounts> CountBoostsAsync(DateTimeOffset since, string authorKey, DateTimeOffset authorSince, CancellationToken cancellationToken) =>
        dataSource.QuerySingleAsync(
            $"""
            SELECT (SELECT count(*) FROM boosts WHERE decided_at_ms >= @since AND {DecidedToBoost}),
                   (SELECT count(*) FROM boosts WHERE author_key = @author AND decided_at_ms >= @author_since AND {DecidedToBoost})
            """,
            [("@since", Columns.Milliseconds(since)), ("@author", authorKey), ("@author_since", Columns.Milliseconds(authorSince))],
            reader => new BoostCounts(reader.GetCount(0), reader.GetCount(1)),
            cancellationToken);

    public async Task<BoostSummary> SummariseAsync(CancellationToken cancellationToken)
    {
        var groups = await dataSource.QueryAsync(
            "SELECT state, reason, count(*) FROM boosts GROUP BY state, reason",
            [],
            reader => (State: BoostWords.State(reader.GetString(0)), Reason: reader.GetNullableString(1), Count: reader.GetCount(2)),
            cancellationToken).ConfigureAwait(false);
        var last = await dataSource.QueryFirstOrDefaultAsync(
            $"SELECT {SelectList} FROM boosts WHERE state = 'boosted' ORDER BY updated_at_ms DESC LIMIT 1", [], Read, cancellationToken).ConfigureAwait(false);

        var byState = new Dictionary<BoostState, int>();
        var skippedBy = new Dictionary<BoostSkipReason, int>();
        foreach (var (state, reason, count) in groups)
        {
            byState[state] = byState.GetValueOrDefault(state) + count;
            if (state == BoostState.Skipped && reason is not null)
            {
                var skip = BoostWords.Reason(reason);
                skippedBy[skip] = skippedBy.GetValueOrDefault(skip) + count;
            }
        }

        return new BoostSummary(byState, skippedBy, last);
    }

    private static BoostRecord Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        BoostWords.State(reader.GetString(3)),
        reader.GetNullableString(4) is { } reason ? BoostWords.Reason(reason) : null,
        checked((int)reader.GetInt64(5)),
        reader.GetInstant(6),
        reader.GetInstant(7),
        reader.GetInstant(8),
        reader.GetNullableString(9));
}
