using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Storage.Tables;

// Keeps the reminder rows an event implies in step with it, inside the transaction that changes the event:
// one row per offset of its plan (to subscribed channels) and one per personal reminder. Rows already sent stay
// as they are; rows still pending move with the event; a reminder whose time has already passed is not owed.
internal static class ReminderRows
{
    private static readonly string Pending = Words.Of(ReminderState.Pending);

    // Returns the event's earliest pending fire time, for waking the dispatcher.
    public static async Task<DateTimeOffset?> SyncEventAsync(SqlSession session, CampaignEvent e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = Columns.Milliseconds(now);
        if (e.IsCancelled)
        {
            await session.ExecuteAsync(
                "UPDATE reminders SET state = @cancelled, updated_at_ms = @now WHERE event_id = @event_id AND state = @pending",
                [("@cancelled", Words.Of(ReminderState.Cancelled)), ("@now", nowMs), ("@event_id", e.Id), ("@pending", Pending)],
                cancellationToken).ConfigureAwait(false);
            return null;
        }

        var startMs = Columns.Milliseconds(e.Start);
        SqlParameter[] common = [("@event_id", e.Id), ("@start", startMs), ("@now", nowMs), ("@pending", Pending)];

        var wanted = e.Reminders.Offsets.Select(Lists.Seconds).ToArray();
        var unwanted = wanted.Length == 0 ? "personal_reminder_id = 0" : $"personal_reminder_id = 0 AND offset_seconds NOT IN ({string.Join(", ", wanted)})";
        await session.ExecuteAsync(
            $"DELETE FROM reminders WHERE event_id = @event_id AND state = @pending AND {unwanted}",
            common, cancellationToken).ConfigureAwait(false);

        // Pending rows move with the start. One that a move would put in the past is no longer owed; one already due
        // whose time doesn't change (a late reminder, during an unrelated edit) is left to be sent.
        await session.ExecuteAsync(
            """
            DELETE FROM reminders
            WHERE event_id = @event_id AND state = @pending
              AND @start - offset_seconds * 1000 <= @now AND due_at_ms <> @start - offset_seconds * 1000
            """,
            common, cancellationToken).ConfigureAwait(false);
        await session.ExecuteAsync(
            """
            UPDATE reminders SET due_at_ms = @start - offset_seconds * 1000, fire_at_ms = @start - offset_seconds * 1000, updated_at_ms = @now
            WHERE event_id = @event_id AND state = @pending AND due_at_ms <> @start - offset_seconds * 1000
            """,
            common, cancellationToken).ConfigureAwait(false);

        foreach (var seconds in wanted.Where(seconds => startMs - (seconds * 1000) > nowMs))
        {
            await InsertAsync(session, e.Id, 0, seconds, startMs - (seconds * 1000), nowMs, cancellationToken).ConfigureAwait(false);
        }

        return await NextFireAsync(session, e.Id, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<DateTimeOffset?> AddPersonalAsync(SqlSession session, PersonalReminder reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await InsertAsync(session, reminder.EventId, reminder.Id, Lists.Seconds(reminder.Before), Columns.Milliseconds(reminder.Due), Columns.Milliseconds(now), cancellationToken).ConfigureAwait(false);
        return await NextFireAsync(session, reminder.EventId, cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> InsertAsync(SqlSession session, long eventId, long personalReminderId, long offsetSeconds, long dueMs, long nowMs, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            """
            INSERT INTO reminders (event_id, personal_reminder_id, offset_seconds, due_at_ms, fire_at_ms, state, attempts, updated_at_ms)
            VALUES (@event_id, @personal_reminder_id, @offset_seconds, @due, @due, @pending, 0, @now)
            ON CONFLICT (event_id, personal_reminder_id, offset_seconds) DO NOTHING
            """,
            [
                ("@event_id", eventId),
                ("@personal_reminder_id", personalReminderId),
                ("@offset_seconds", offsetSeconds),
                ("@due", dueMs),
                ("@pending", Pending),
                ("@now", nowMs),
            ],
            cancellationToken);

    private static async Task<DateTimeOffset?> NextFireAsync(SqlSession session, long eventId, CancellationToken cancellationToken)
    {
        var next = await session.QuerySingleAsync(
            "SELECT min(fire_at_ms) FROM reminders WHERE event_id = @event_id AND state = @pending",
            [("@event_id", eventId), ("@pending", Pending)],
            reader => reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
