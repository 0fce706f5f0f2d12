using System.Data.Common;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage.Dialects;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// The reminder table for the dispatcher. Claims are leases held by a node; on PostgreSQL the claim skips rows
// another node is claiming at the same moment, so several nodes share due reminders without doubles.
public sealed class SqlReminderQueue : IReminderQueue
{
    private static readonly string Pending = Words.Of(ReminderState.Pending);
    private static readonly string Claimed = Words.Of(ReminderState.Claimed);

    private readonly DbDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly string _claimSql;

    public SqlReminderQueue(DbDataSource dataSource, StorageProvider provider, TimeProvider clock)
    {
        _dataSource = dataSource;
        _clock = clock;
        _claimSql = $"""
            UPDATE reminders
            SET state = @claimed, claimed_by = @node, lease_until_ms = @lease, attempts = attempts + 1, updated_at_ms = @now
            WHERE id IN (
                SELECT id FROM reminders WHERE state = @pending AND fire_at_ms <= @horizon
                ORDER BY fire_at_ms LIMIT @limit {StorageDialect.For(provider).SkipLocked})
            RETURNING id, event_id, personal_reminder_id, offset_seconds, due_at_ms, attempts
            """;
    }

    public async Task<DateTimeOffset?> NextFireAsync(CancellationToken cancellationToken)
    {
        // A claim whose holder dies must be taken over when its lease ends, so that counts as a fire time too.
        var next = await _dataSource.QuerySingleAsync(
            """
            SELECT min(at) FROM (
                SELECT min(fire_at_ms) AS at FROM reminders WHERE state = @pending
                UNION ALL
                SELECT min(lease_until_ms) AS at FROM reminders WHERE state = @claimed) AS candidates
            """,
            [("@pending", Pending), ("@claimed", Claimed)],
            reader => reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public Task<int> ReleaseAsync(string node, CancellationToken cancellationToken)
    {
        var now = Columns.Milliseconds(_clock.GetUtcNow());
        return SqlSession.RunAsync(_dataSource, session => session.ExecuteAsync(
            """
            UPDATE reminders
            SET state = @pending, claimed_by = NULL, lease_until_ms = NULL, updated_at_ms = @now
            WHERE state = @claimed AND claimed_by = @node
            """,
            [("@pending", Pending), ("@claimed", Claimed), ("@node", node), ("@now", now)],
            cancellationToken), cancellationToken);
    }

    public Task RenewAsync(string node, IReadOnlyCollection<long> ids, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        var until = Columns.Milliseconds(_clock.GetUtcNow() + lease);
        return SqlSession.RunAsync(_dataSource, session => session.ExecuteEachAsync(
            "UPDATE reminders SET lease_until_ms = @lease WHERE id = @id AND state = @claimed AND claimed_by = @node",
            ["@lease", "@id", "@claimed", "@node"],
            ids.Select(id => new object?[] { until, id, Claimed, node }),
            cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<DueReminder>> ClaimAsync(string node, DateTimeOffset horizon, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        return SqlSession.RunAsync(_dataSource, async session =>
        {
            // A node that died mid-delivery leaves claimed rows; once their lease is over they are pending again.
            await session.ExecuteAsync(
                "UPDATE reminders SET state = @pending, claimed_by = NULL, lease_until_ms = NULL WHERE state = @claimed AND lease_until_ms < @now",
                [("@pending", Pending), ("@claimed", Claimed), ("@now", Columns.Milliseconds(now))],
                cancellationToken).ConfigureAwait(false);
            var rows = await session.QueryAsync(
                _claimSql,
                [
                    ("@claimed", Claimed),
                    ("@node", node),
                    ("@lease", Columns.Milliseconds(now + lease)),
                    ("@now", Columns.Milliseconds(now)),
                    ("@pending", Pending),
                    ("@horizon", Columns.Milliseconds(horizon)),
                    ("@limit", limit),
                ],
                reader => new DueReminder(
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    TimeSpan.FromSeconds(reader.GetInt64(3)),
                    reader.GetInstant(4),
                    checked((int)reader.GetInt64(5))),
                cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<DueReminder>)rows.OrderBy(r => r.Due).ThenBy(r => r.Id).ToArray();
        }, cancellationToken);
    }

    public Task CompleteAsync(string node, IReadOnlyList<ReminderOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = Columns.Milliseconds(_clock.GetUtcNow());
        return SqlSession.RunAsync(_dataSource, async session =>
        {
            await session.ExecuteEachAsync(
                """
                UPDATE reminders
                SET state = @state, last_error = @error, updated_at_ms = @now, claimed_by = NULL, lease_until_ms = NULL,
                    fire_at_ms = COALESCE(@retry_at, fire_at_ms)
                WHERE id = @id AND state = @claimed AND claimed_by = @node
                """,
                ["@state", "@error", "@now", "@retry_at", "@id", "@claimed", "@node"],
                outcomes.Select(outcome => new object?[]
                {
                    outcome.RetryAt is null ? Words.Of(outcome.State) : Pending,
                    outcome.Error,
                    now,
                    Columns.Milliseconds(outcome.RetryAt),
                    outcome.Id,
                    Claimed,
                    node,
                }),
                cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<ReminderStats> StatsAsync(CancellationToken cancellationToken)
    {
        var counts = await _dataSource.QueryAsync(
            "SELECT state, count(*) FROM reminders GROUP BY state",
            [],
            reader => (State: Words.Reminder(reader.GetString(0)), Count: reader.GetCount(1)),
            cancellationToken).ConfigureAwait(false);
        return new ReminderStats(counts.ToDictionary(c => c.State, c => c.Count), await NextFireAsync(cancellationToken).ConfigureAwait(false));
    }
}
