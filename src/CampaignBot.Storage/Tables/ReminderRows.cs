using System.Data.Common;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage.Dialects;

namespace CampaignBot.Storage.Tables;

// Persists the reminder rows an event implies (EventReminders says which, and when each is due) inside the
// transaction that changes the event. Waking the dispatcher is the caller's business, once the write has committed.
internal static class ReminderRows
{
    private static readonly string Pending = Words.Of(ReminderState.Pending);

    public static async Task SyncEventAsync(SqlSession session, CampaignEvent e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = Columns.Milliseconds(now);
        if (e.IsCancelled)
        {
            await session.ExecuteAsync(
                "UPDATE reminders SET state = @cancelled, updated_at_ms = @now WHERE event_id = @event_id AND state = @pending",
                [("@cancelled", Words.Of(ReminderState.Cancelled)), ("@now", nowMs), ("@event_id", e.Id), ("@pending", Pending)],
                cancellationToken).ConfigureAwait(false);
            return;
        }

        var wanted = e.Reminders.Offsets.Select(Lists.Seconds).ToArray();
        SqlParameter[] common = [("@event_id", e.Id), ("@now", nowMs), ("@pending", Pending)];
        var unwanted = wanted.Length == 0 ? "personal_reminder_id = 0" : $"personal_reminder_id = 0 AND offset_seconds NOT IN ({string.Join(", ", wanted)})";
        await session.ExecuteAsync(
            $"DELETE FROM reminders WHERE event_id = @event_id AND state = @pending AND {unwanted}",
            common, cancellationToken).ConfigureAwait(false);

        foreach (var offset in e.Reminders.Offsets)
        {
            await PlaceAsync(session, EventReminders.Place(e, 0, offset), nowMs, cancellationToken).ConfigureAwait(false);
        }

        // Personal reminders of this event move with it too.
        var personal = await session.QueryAsync(
            "SELECT personal_reminder_id, offset_seconds FROM reminders WHERE event_id = @event_id AND personal_reminder_id <> 0 AND state = @pending",
            common, reader => (Id: reader.GetInt64(0), Seconds: reader.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        foreach (var (id, seconds) in personal)
        {
            await PlaceAsync(session, EventReminders.Place(e, id, TimeSpan.FromSeconds(seconds)), nowMs, cancellationToken).ConfigureAwait(false);
        }
    }

    // The reminder rows that newly created events owe, as BulkInsert takes them: only the event, the offset and the due
    // (and fire) time vary from row to row.
    public static List<object?[]> PlanForNewEvents(IReadOnlyList<CampaignEvent> events, DateTimeOffset now)
    {
        // Each value boxed once: the event's id for its rows, an offset for the call (events mostly share a plan). With
        // 100,000 rows, the garbage collector's pauses were a tenth of the call.
        var rows = new List<object?[]>(events.Count * 4);
        var seconds = new Dictionary<TimeSpan, object>();
        foreach (var e in events)
        {
            object eventId = e.Id;
            foreach (var row in EventReminders.ForNewEvent(e, now))
            {
                if (!seconds.TryGetValue(row.Offset, out var offset))
                {
                    seconds[row.Offset] = offset = Lists.Seconds(row.Offset);
                }

                object due = Columns.Milliseconds(row.Due);
                rows.Add([eventId, offset, due, due]);
            }
        }

        return rows;
    }

    // Those rows in one bulk insert. The rest of each row is the same for the whole call and bound once, and PostgreSQL
    // has the first three of those as column defaults (migration 0010).
    public static async Task InsertForNewEventsAsync(SqlSession session, StorageDialect dialect, List<object?[]> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        BulkInsert.Column[] columns =
        [
            new("event_id", "bigint"), new("offset_seconds", "bigint"), new("due_at_ms", "bigint"), new("fire_at_ms", "bigint"),
            BulkInsert.Column.Default("personal_reminder_id", "bigint", 0L), BulkInsert.Column.Default("state", "text", Pending),
            BulkInsert.Column.Default("attempts", "bigint", 0L), BulkInsert.Column.Fixed("updated_at_ms", "bigint", Columns.Milliseconds(now)),
        ];

        // The events are new (their ids were reserved in this transaction), so none of these rows can exist yet.
        await BulkInsert.RunAsync(session, dialect, "reminders", columns, rows, string.Empty, cancellationToken).ConfigureAwait(false);
    }

    public static async Task AddPersonalAsync(SqlSession session, PersonalReminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            """
            INSERT INTO reminders (event_id, personal_reminder_id, offset_seconds, due_at_ms, fire_at_ms, state, attempts, updated_at_ms)
            VALUES (@event_id, @personal_reminder_id, @offset_seconds, @due, @due, @pending, 0, @now)
            ON CONFLICT (event_id, personal_reminder_id, offset_seconds) DO NOTHING
            """,
            [
                ("@event_id", reminder.EventId),
                ("@personal_reminder_id", reminder.Id),
                ("@offset_seconds", Lists.Seconds(reminder.Before)),
                ("@due", Columns.Milliseconds(reminder.Due)),
                ("@pending", Pending),
                ("@now", Columns.Milliseconds(now)),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    // Puts one reminder at its due time for the event as it now is. A pending row moves; one that would now lie in
    // the past is no longer owed (unless its time didn't change: a late reminder survives an unrelated edit); rows
    // already sent or failed are history and stay.
    private static async Task PlaceAsync(SqlSession session, PlannedReminder reminder, long nowMs, CancellationToken cancellationToken)
    {
        var dueMs = Columns.Milliseconds(reminder.Due);
        var personalReminderId = reminder.PersonalReminderId;
        SqlParameter[] key = [("@event_id", reminder.EventId), ("@personal_reminder_id", personalReminderId), ("@offset_seconds", Lists.Seconds(reminder.Offset)), ("@due", dueMs), ("@pending", Pending)];
        if (dueMs <= nowMs)
        {
            await session.ExecuteAsync(
                """
                DELETE FROM reminders
                WHERE event_id = @event_id AND personal_reminder_id = @personal_reminder_id AND offset_seconds = @offset_seconds
                  AND state = @pending AND due_at_ms <> @due
                """,
                key, cancellationToken).ConfigureAwait(false);
            return;
        }

        await session.ExecuteAsync(
            """
            INSERT INTO reminders (event_id, personal_reminder_id, offset_seconds, due_at_ms, fire_at_ms, state, attempts, updated_at_ms)
            VALUES (@event_id, @personal_reminder_id, @offset_seconds, @due, @due, @pending, 0, @now)
            ON CONFLICT (event_id, personal_reminder_id, offset_seconds) DO UPDATE
            SET due_at_ms = excluded.due_at_ms, fire_at_ms = excluded.fire_at_ms, updated_at_ms = excluded.updated_at_ms
            WHERE reminders.state = @pending AND reminders.due_at_ms <> excluded.due_at_ms
            """,
            [.. key, ("@now", nowMs)], cancellationToken).ConfigureAwait(false);
        if (personalReminderId != 0)
        {
            await session.ExecuteAsync(
                "UPDATE personal_reminders SET due_at_ms = @due WHERE id = @personal_reminder_id",
                key, cancellationToken).ConfigureAwait(false);
        }
    }

    // The event's earliest pending fire time, for waking the dispatcher once a change has committed.
    public static async Task<DateTimeOffset?> NextFireAsync(DbDataSource dataSource, long eventId, CancellationToken cancellationToken)
    {
        var next = await dataSource.QuerySingleAsync(
            "SELECT min(fire_at_ms) FROM reminders WHERE event_id = @event_id AND state = @pending",
            [("@event_id", eventId), ("@pending", Pending)],
            reader => reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
