using System.Data.Common;
using CampaignBot.Core.Boosting;
using CampaignBot.Storage.Dialects;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// Auto-boost decisions, one row per original post, keyed by (posted_at_ms, status_key) so that a flood of new posts
// appends (see migration 0004). The first decision is an insert-if-absent, so of racing callers (stream and poll, or
// two processes) exactly one gets to reblog; outcomes only ever move rows that still wait, found through the index of
// claimed boosts (whose condition, Claimed, the queries repeat so that both engines use it).
public sealed class SqlBoostLedger(DbDataSource dataSource) : IBoostLedger
{
    private const string SelectList = "status_key, status_id, author_key, state, reason, attempts, posted_at_ms, decided_at_ms, updated_at_ms, last_error";
    private const string Waiting = "state IN ('boosting', 'rate-limited', 'failed')";
    private const string DecidedToBoost = "state <> 'skipped' AND state <> 'refused'";
    private const string Claimed = DecidedToBoost;
    private const string OnConflict = "ON CONFLICT (posted_at_ms, status_key) DO NOTHING";
    private const string AwaitingRetry = "(state IN ('rate-limited', 'failed') OR (state = 'boosting' AND updated_at_ms < @stale))";

    private static readonly BulkInsert.Column[] DecisionColumns =
    [
        new("status_key", "text"), new("status_id", "text"), new("author_key", "text"), new("state", "text"), new("reason", "text"),
        new("attempts", "bigint"), new("posted_at_ms", "bigint"), new("decided_at_ms", "bigint"), new("updated_at_ms", "bigint"), new("last_error", "text"),
    ];

    private readonly StorageDialect _dialect = StorageDialect.Of(dataSource);

    public async Task<BoostRecord?> FindAsync(string statusKey, CancellationToken cancellationToken) =>
        await dataSource.QueryFirstOrDefaultAsync($"SELECT {SelectList} FROM boosts WHERE status_key = @key AND {Claimed}", [("@key", statusKey)], Read, cancellationToken).ConfigureAwait(false)
        ?? await dataSource.QueryFirstOrDefaultAsync($"SELECT {SelectList} FROM boosts WHERE status_key = @key", [("@key", statusKey)], Read, cancellationToken).ConfigureAwait(false);

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
            {OnConflict}
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

    // The posts come as two parallel arrays (PostgreSQL) or one JSON array of pairs (SQLite): one parameter each,
    // however many posts, and each post found by its key.
    public async Task<IReadOnlySet<string>> FindDecidedAsync(IReadOnlyCollection<PostKey> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0)
        {
            return new HashSet<string>();
        }

        var keys = _dialect is PostgresDialect
            ? await dataSource.QueryAsync(
                "SELECT b.status_key FROM unnest(@posted::bigint[], @keys::text[]) AS p(posted_at_ms, status_key) JOIN boosts b USING (posted_at_ms, status_key)",
                [("@posted", posts.Select(p => Columns.Milliseconds(p.PostedAt)).ToArray()), ("@keys", posts.Select(p => p.StatusKey).ToArray())],
                reader => reader.GetString(0),
                cancellationToken).ConfigureAwait(false)
            : await dataSource.QueryAsync(
                "SELECT b.status_key FROM json_each(@posts) AS p CROSS JOIN boosts b ON b.posted_at_ms = p.value ->> 0 AND b.status_key = p.value ->> 1",
                [("@posts", SqliteJson.Pairs(posts.Select(p => (Columns.Milliseconds(p.PostedAt), p.StatusKey))))],
                reader => reader.GetString(0),
                cancellationToken).ConfigureAwait(false);
        return new HashSet<string>(keys, StringComparer.Ordinal);
    }

    public Task TrySkipAllAsync(IReadOnlyList<BoostDecision> skips, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skips);
        if (skips.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = new object?[skips.Count][];
        for (var i = 0; i < skips.Count; i++)
        {
            var skip = skips[i];
            if (skip.State != BoostState.Skipped || skip.Reason is not { } reason)
            {
                throw new ArgumentException("Only skips, each with its reason, are stored together.", nameof(skips));
            }

            var decided = Columns.Milliseconds(skip.DecidedAt);
            rows[i] = [skip.StatusKey, skip.StatusId, skip.AuthorKey, BoostWords.Of(BoostState.Skipped), BoostWords.Of(reason), 0L, Columns.Milliseconds(skip.PostedAt), decided, decided, null];
        }

        // Insert-if-absent row by row, as TryDecideAsync: a post decided before (or by a racing caller) keeps its decision.
        return SqlSession.RunAsync(
            dataSource,
            async session =>
            {
                await BulkInsert.RunAsync(session, _dialect, "boosts", DecisionColumns, rows, OnConflict, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
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
            WHERE status_key = @key AND {Claimed} AND {Waiting}
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
            $"UPDATE boosts SET state = 'boosting', updated_at_ms = @now WHERE status_key = @key AND {Claimed} AND {AwaitingRetry}",
            [("@key", statusKey), ("@stale", Columns.Milliseconds(staleBefore)), ("@now", Columns.Milliseconds(at))],
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<BoostRecord>> ListAwaitingRetryAsync(DateTimeOffset staleBefore, int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            $"SELECT {SelectList} FROM boosts WHERE {Waiting} AND {AwaitingRetry} ORDER BY decided_at_ms, status_key LIMIT @limit",
            [("@stale", Columns.Milliseconds(staleBefore)), ("@limit", limit)],
            Read,
            cancellationToken);

    // Two indexed counts (overall, then per author for every author of the batch): on the path from a post to its reblog.
    public async Task<BoostCapCounts> CountBoostsAsync(DateTimeOffset since, IReadOnlyCollection<string> authorKeys, DateTimeOffset authorSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorKeys);
        var total = await dataSource.QuerySingleAsync(
            $"SELECT count(*) FROM boosts WHERE decided_at_ms >= @since AND {DecidedToBoost}",
            [("@since", Columns.Milliseconds(since))],
            reader => reader.GetCount(0),
            cancellationToken).ConfigureAwait(false);
        if (authorKeys.Count == 0)
        {
            return new BoostCapCounts(total, new Dictionary<string, int>());
        }

        var (match, authors) = _dialect.In("author_key", "@authors", [.. authorKeys.Distinct(StringComparer.Ordinal)]);
        var counts = await dataSource.QueryAsync(
            $"SELECT author_key, count(*) FROM boosts WHERE {match} AND decided_at_ms >= @author_since AND {DecidedToBoost} GROUP BY author_key",
            [authors, ("@author_since", Columns.Milliseconds(authorSince))],
            reader => (Author: reader.GetString(0), Count: reader.GetCount(1)),
            cancellationToken).ConfigureAwait(false);
        return new BoostCapCounts(total, counts.ToDictionary(c => c.Author, c => c.Count, StringComparer.Ordinal));
    }

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

    // Chunks keep each transaction (and SQLite's write lock) short; the key's time prefix finds the old rows.
    public async Task<int> ForgetSkipsAsync(DateTimeOffset postedBefore, DateTimeOffset decidedBefore, CancellationToken cancellationToken)
    {
        const int Chunk = 5000;
        var forgotten = 0;
        int deleted;
        do
        {
            deleted = await dataSource.ExecuteAsync(
                """
                DELETE FROM boosts WHERE (posted_at_ms, status_key) IN (
                    SELECT posted_at_ms, status_key FROM boosts
                    WHERE posted_at_ms < @posted AND decided_at_ms < @decided AND state = 'skipped'
                    LIMIT @chunk)
                """,
                [("@posted", Columns.Milliseconds(postedBefore)), ("@decided", Columns.Milliseconds(decidedBefore)), ("@chunk", Chunk)],
                cancellationToken).ConfigureAwait(false);
            forgotten += deleted;
        }
        while (deleted == Chunk);

        return forgotten;
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
