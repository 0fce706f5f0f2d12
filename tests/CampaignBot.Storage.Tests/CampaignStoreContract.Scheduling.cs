using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Storage.Tests;

// Reminder rows follow their event in the same transaction; the queue hands each due row to one claimer at a time;
// the delivery log never lets a sent message through twice; hashtag mentions count once per post.
public abstract partial class CampaignStoreContract
{
    private readonly FakeTimeProvider _clock = new(Now);

    private SqlCampaignStore ClockedStore() => new(Handle.DataSource, _clock);

    private SqlReminderQueue Queue() => new(Handle.DataSource, Database.Provider, _clock);

    private static CampaignEvent Planned(string title, DateTimeOffset start, string plan = "7d,1d,2h,0") =>
        Draft(title, start) with { Reminders = new ReminderPlan(plan.Split(',').Select(p => p switch { "7d" => TimeSpan.FromDays(7), "1d" => TimeSpan.FromDays(1), "2h" => TimeSpan.FromHours(2), "30m" => TimeSpan.FromMinutes(30), _ => TimeSpan.Zero })) };

    [Fact]
    public async Task Creating_an_event_writes_a_pending_reminder_per_offset_still_ahead()
    {
        var start = Now.AddDays(3);

        await ClockedStore().AddEventAsync(Planned("March", start), Ct);

        var stats = await Queue().StatsAsync(Ct);
        Assert.Equal(3, stats[ReminderState.Pending]);
        Assert.Equal(start.AddDays(-1), stats.NextFire);
    }

    [Fact]
    public async Task Moving_an_event_moves_its_pending_reminders_and_drops_those_now_past()
    {
        var store = ClockedStore();
        var e = await store.AddEventAsync(Planned("March", Now.AddDays(10)), Ct);

        await store.UpdateEventAsync(e with { Start = Now.AddHours(5) }, Ct);

        var stats = await Queue().StatsAsync(Ct);
        Assert.Equal(2, stats[ReminderState.Pending]);
        Assert.Equal(Now.AddHours(3), stats.NextFire);
        Assert.Equal(Now.AddHours(3), await store.NextReminderAsync(e.Id, Ct));
    }

    [Fact]
    public async Task Changing_the_plan_adds_and_removes_reminders()
    {
        var store = ClockedStore();
        var e = await store.AddEventAsync(Planned("March", Now.AddDays(3), "1d,0"), Ct);

        await store.UpdateEventAsync(e with { Reminders = new ReminderPlan([TimeSpan.FromHours(2), TimeSpan.Zero]) }, Ct);

        var claimed = await Queue().ClaimAsync("n1", Now.AddDays(10), TimeSpan.FromMinutes(1), 10, Ct);
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.Zero], claimed.Select(r => r.Offset));
    }

    [Fact]
    public async Task Cancelling_an_event_cancels_its_pending_reminders()
    {
        var store = ClockedStore();
        var e = await store.AddEventAsync(Planned("March", Now.AddDays(3)), Ct);
        await store.AddPersonalReminderAsync(new PersonalReminder(0, e.Id, Bob, TimeSpan.FromMinutes(30), e.Start.AddMinutes(-30), Now), Ct);

        await store.UpdateEventAsync(e with { Status = EventStatus.Cancelled }, Ct);

        var stats = await Queue().StatsAsync(Ct);
        Assert.Equal(4, stats[ReminderState.Cancelled]);
        Assert.Null(stats.NextFire);
    }

    [Fact]
    public async Task A_personal_reminder_is_a_row_of_its_own()
    {
        var store = ClockedStore();
        var e = await store.AddEventAsync(Planned("March", Now.AddDays(3), "0"), Ct);

        var personal = await store.AddPersonalReminderAsync(new PersonalReminder(0, e.Id, Bob, TimeSpan.FromDays(1), e.Start.AddDays(-1), Now), Ct);

        var first = (await Queue().ClaimAsync("n1", Now.AddDays(10), TimeSpan.FromMinutes(1), 10, Ct))[0];
        Assert.True(first.IsPersonal);
        Assert.Equal(personal.Id, first.PersonalReminderId);
        Assert.Equal(e.Start.AddDays(-1), first.Due);
    }

    [Fact]
    public async Task An_events_next_reminder_counts_the_personal_reminders_that_moved_with_it()
    {
        var store = ClockedStore();
        var e = await store.AddEventAsync(Planned("March", Now.AddDays(3), "0"), Ct);
        await store.AddPersonalReminderAsync(new PersonalReminder(0, e.Id, Bob, TimeSpan.FromDays(1), e.Start.AddDays(-1), Now), Ct);
        var other = await store.AddEventAsync(Planned("Rally", Now.AddHours(2), "0"), Ct);

        await store.UpdateEventAsync(e with { Start = e.Start.AddHours(-5) }, Ct);

        Assert.Equal(e.Start.AddHours(-5).AddDays(-1), await store.NextReminderAsync(e.Id, Ct));
        Assert.Equal(other.Start, await store.NextReminderAsync(other.Id, Ct));
        await store.UpdateEventAsync(e with { Status = EventStatus.Cancelled }, Ct);
        Assert.Null(await store.NextReminderAsync(e.Id, Ct));
    }

    [Fact]
    public async Task Due_reminders_are_claimed_once_and_completed_by_their_claimer()
    {
        await ClockedStore().AddEventAsync(Planned("March", Now.AddHours(1), "30m,0"), Ct);
        var queue = Queue();

        var due = await queue.ClaimAsync("n1", Now.AddMinutes(30), TimeSpan.FromMinutes(1), 10, Ct);
        var again = await queue.ClaimAsync("n2", Now.AddMinutes(30), TimeSpan.FromMinutes(1), 10, Ct);
        await queue.CompleteAsync("n1", [new ReminderOutcome(due[0].Id, ReminderState.Sent)], Ct);

        var reminder = Assert.Single(due);
        Assert.Equal(1, reminder.Attempts);
        Assert.Empty(again);
        var stats = await queue.StatsAsync(Ct);
        Assert.Equal(1, stats[ReminderState.Sent]);
        Assert.Equal(Now.AddHours(1), stats.NextFire);
    }

    [Fact]
    public async Task A_stopping_node_hands_its_claims_back_for_another_to_take_at_once()
    {
        await ClockedStore().AddEventAsync(Planned("March", Now.AddHours(1), "30m,0"), Ct);
        await ClockedStore().AddEventAsync(Planned("Rally", Now.AddHours(2), "0"), Ct);
        var queue = Queue();
        var held = await queue.ClaimAsync("stopping", Now.AddHours(1), TimeSpan.FromMinutes(2), 10, Ct);

        var released = await queue.ReleaseAsync("stopping", Ct);
        var none = await queue.ReleaseAsync("stopping", Ct);
        var taken = await queue.ClaimAsync("other", Now.AddHours(1), TimeSpan.FromMinutes(2), 10, Ct);

        Assert.Equal(2, held.Count);
        Assert.Equal(2, released);
        Assert.Equal(0, none);
        Assert.Equal(held.Select(r => r.Id).Order(), taken.Select(r => r.Id).Order());
        Assert.Equal(2, (await queue.StatsAsync(Ct))[ReminderState.Claimed]);
    }

    [Fact]
    public async Task A_claim_whose_node_died_is_reclaimed_after_its_lease_and_the_old_node_cannot_complete_it()
    {
        await ClockedStore().AddEventAsync(Planned("March", Now.AddHours(1), "0"), Ct);
        var queue = Queue();
        var lost = Assert.Single(await queue.ClaimAsync("dead", Now.AddHours(1), TimeSpan.FromSeconds(30), 10, Ct));

        _clock.Advance(TimeSpan.FromSeconds(31));
        var reclaimed = Assert.Single(await queue.ClaimAsync("alive", Now.AddHours(1), TimeSpan.FromSeconds(30), 10, Ct));
        await queue.CompleteAsync("dead", [new ReminderOutcome(lost.Id, ReminderState.Failed, "late report")], Ct);
        await queue.CompleteAsync("alive", [new ReminderOutcome(reclaimed.Id, ReminderState.Sent)], Ct);

        Assert.Equal(lost.Id, reclaimed.Id);
        Assert.Equal(2, reclaimed.Attempts);
        var stats = await queue.StatsAsync(Ct);
        Assert.Equal(1, stats[ReminderState.Sent]);
        Assert.Equal(0, stats[ReminderState.Failed]);
    }

    [Fact]
    public async Task A_retry_puts_the_reminder_back_at_its_retry_time()
    {
        await ClockedStore().AddEventAsync(Planned("March", Now.AddHours(1), "0"), Ct);
        var queue = Queue();
        var due = Assert.Single(await queue.ClaimAsync("n1", Now.AddHours(1), TimeSpan.FromMinutes(1), 10, Ct));

        await queue.CompleteAsync("n1", [new ReminderOutcome(due.Id, ReminderState.Pending, "503", Now.AddHours(1).AddSeconds(5))], Ct);

        Assert.Equal(Now.AddHours(1).AddSeconds(5), await queue.NextFireAsync(Ct));
        Assert.Empty(await queue.ClaimAsync("n1", Now.AddHours(1), TimeSpan.FromMinutes(1), 10, Ct));
        Assert.Equal(due.Due, Assert.Single(await queue.ClaimAsync("n1", Now.AddHours(2), TimeSpan.FromMinutes(1), 10, Ct)).Due);
    }

    [Fact]
    public async Task Concurrent_claimers_never_receive_the_same_reminder()
    {
        var store = ClockedStore();
        for (var i = 0; i < 20; i++)
        {
            await store.AddEventAsync(Planned($"Event {i}", Now.AddHours(1), "30m,0"), Ct);
        }

        var queue = Queue();
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var mine = new List<long>();
            IReadOnlyList<DueReminder> batch;
            do
            {
                batch = await queue.ClaimAsync($"node-{n}", Now.AddHours(2), TimeSpan.FromMinutes(1), 3, Ct);
                mine.AddRange(batch.Select(r => r.Id));
            }
            while (batch.Count > 0);
            return mine;
        })));

        var all = claims.SelectMany(ids => ids).ToArray();
        Assert.Equal(40, all.Length);
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    [Fact]
    public async Task The_delivery_log_lets_each_message_through_to_each_destination_once()
    {
        var log = new SqlDeliveryLog(Handle.DataSource, _clock);
        DeliveryKey channel = new("reminder:1", Platform.Discord, "chan-1"), other = new("reminder:1", Platform.Mastodon, "public");

        var first = await log.BeginAsync([channel, other], Ct);
        await log.RecordAsync([new DeliveryResult(channel, Sent: true, "msg-1"), new DeliveryResult(other, Sent: false, Error: "503")], Ct);
        var second = await log.BeginAsync([channel, other], Ct);

        Assert.Equal([channel, other], first);
        Assert.Equal([other], second);
        Assert.Equal("reminder:1:discord:chan-1", channel.IdempotencyKey);
    }

    [Fact]
    public async Task Hashtag_mentions_count_each_post_once_per_hour_bucket()
    {
        var mentions = new SqlHashtagMentionStore(Handle.DataSource);
        var hour = new DateTimeOffset(2026, 3, 7, 9, 0, 0, TimeSpan.Zero);

        var added = await mentions.RecordAsync(
        [
            new("NotSafeNotFair", "https://a.example/1", Platform.Mastodon, hour.AddMinutes(5)),
            new("notsafenotfair", "https://a.example/1", Platform.Mastodon, hour.AddMinutes(5)),
            new("#NotSafeNotFair", "https://b.example/2", Platform.Mastodon, hour.AddMinutes(59)),
            new("NotSafeNotFair", "https://b.example/3", Platform.Mastodon, hour.AddMinutes(61)),
            new("LoveYourNHS", "https://a.example/1", Platform.Mastodon, hour.AddMinutes(5)),
        ], Ct);
        var again = await mentions.RecordAsync([new("NotSafeNotFair", "https://b.example/3", Platform.Mastodon, hour.AddMinutes(61))], Ct);

        Assert.Equal(4, added);
        Assert.Equal(0, again);
        Assert.Equal(
            [new HourlyCount(hour, 2), new HourlyCount(hour.AddHours(1), 1)],
            await mentions.HourlyAsync("NOTSAFENOTFAIR", hour.AddHours(-1), hour.AddHours(2), Ct));
    }

    [Fact]
    public async Task Bulk_created_events_get_ids_in_order_and_their_reminders_in_the_same_transaction()
    {
        var store = ClockedStore();
        var before = await store.AddEventAsync(Planned("Before", Now.AddDays(3)), Ct);

        var bulk = await store.AddEventsAsync([.. Enumerable.Range(0, 1500).Select(i => Planned($"Bulk {i}", Now.AddDays(2).AddMinutes(i), "1d,2h,0"))], Ct);
        var after = await store.AddEventAsync(Planned("After", Now.AddDays(3)), Ct);

        Assert.Equal(1500, bulk.Count);
        Assert.Equal(bulk.Select(e => e.Id).Order(), bulk.Select(e => e.Id));
        Assert.True(bulk[0].Id > before.Id && after.Id > bulk[^1].Id);
        Assert.Equal("Bulk 1499", (await store.GetEventAsync(bulk[^1].Id, Ct))!.Title);
        var stats = await Queue().StatsAsync(Ct);
        Assert.Equal(3 + (1500 * 3) + 3, stats[ReminderState.Pending]);
        Assert.Equal(Now.AddDays(1), stats.NextFire);
    }

    [Fact]
    public async Task Bulk_created_events_keep_their_text_exactly()
    {
        var store = ClockedStore();
        string[] titles = ["🏥 Picket at St Thomas' \"Safe\" wards", "Zeilen\nund\ttabs \\ back\\slash", "日本語 · ümlaut · \u0001 control", ""];

        var bulk = await store.AddEventsAsync([.. titles.Select((title, i) => Planned(title.Length == 0 ? "x" : title, Now.AddDays(2).AddMinutes(i)) with { Description = title })], Ct);

        foreach (var (stored, title) in bulk.Zip(titles))
        {
            var read = (await store.GetEventAsync(stored.Id, Ct))!;
            Assert.Equal(title.Length == 0 ? "x" : title, read.Title);
            Assert.Equal(title, read.Description ?? "");
        }
    }

    [Fact]
    public async Task Bulk_created_reminder_rows_hold_what_an_event_created_alone_writes()
    {
        var store = ClockedStore();
        var alone = await store.AddEventAsync(Planned("Alone", Now.AddDays(10)), Ct);
        var bulk = await store.AddEventsAsync([Planned("Bulk", Now.AddDays(10))], Ct);

        var rows = await ReminderColumnsAsync(alone.Id);
        Assert.Equal(4, rows.Count);
        Assert.Equal(rows, await ReminderColumnsAsync(bulk[0].Id));
    }

    // Every column of an event's reminder rows but the row's id and its event's, in offset order.
    private async Task<List<string>> ReminderColumnsAsync(long eventId)
    {
        await using var command = Handle.DataSource.CreateCommand(
            $"""
            SELECT personal_reminder_id, offset_seconds, due_at_ms, fire_at_ms, state, attempts, claimed_by, lease_until_ms, last_error, updated_at_ms
            FROM reminders WHERE event_id = {eventId} ORDER BY offset_seconds
            """);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    [Fact]
    public async Task A_bulk_create_cancelled_part_way_stores_nothing_and_leaves_the_store_usable()
    {
        var store = ClockedStore();
        var stopped = 0;

        // Cancelled at different points of the call (reserving ids, writing the events, writing their reminders):
        // whichever it was, the call stores all or nothing, and the next call on the pool's connections works.
        foreach (var delay in new[] { 1, 10, 30, 60, 120 })
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            cancellation.CancelAfter(delay);
            var drafts = Enumerable.Range(0, 5000).Select(i => Planned($"Cancelled {delay} {i}", Now.AddDays(10).AddMinutes(i))).ToArray();
            try
            {
                var bulk = await store.AddEventsAsync(drafts, cancellation.Token);
                Assert.Equal(5000, bulk.Count);
            }
            catch (OperationCanceledException)
            {
                stopped++;
                Assert.Empty(await store.FindEventsByTitlePrefixAsync($"Cancelled {delay} ", 1, Ct));
            }
        }

        var after = await store.AddEventsAsync([Planned("After", Now.AddDays(10))], Ct);
        Assert.Equal("After", (await store.GetEventAsync(after[0].Id, Ct))!.Title);
        Assert.True(stopped > 0, "no bulk create was cancelled part way");
    }

    [Fact]
    public async Task Bulk_created_events_keep_a_description_longer_than_a_write_buffer_between_short_ones()
    {
        var store = ClockedStore();
        var manifesto = string.Concat(Enumerable.Repeat("Safe staffing für alle · 安全 ", 4000));
        string?[] descriptions = ["short", manifesto, null, manifesto[..70_000], "after"];

        var bulk = await store.AddEventsAsync([.. descriptions.Select((description, i) => Planned($"Long {i}", Now.AddDays(2).AddMinutes(i)) with { Description = description })], Ct);

        var read = await store.GetEventsAsync([.. bulk.Select(e => e.Id)], Ct);
        Assert.Equal(descriptions, read.OrderBy(e => e.Id).Select(e => e.Description));
    }

    [Fact]
    public async Task Bulk_created_events_read_back_whole_whether_a_field_is_shared_by_all_or_differs_in_one()
    {
        var store = ClockedStore();
        var shared = Planned("Series", Now.AddDays(2)) with { Location = "Town hall", Hashtags = ["nhs"] };
        CampaignEvent[] drafts =
        [
            shared,
            shared with { Start = Now.AddDays(3) },
            shared with { Start = Now.AddDays(4), Kind = EventKind.Meeting, Location = null, Hashtags = [], TimeZoneId = "UTC" },
        ];

        var bulk = await store.AddEventsAsync(drafts, Ct);
        var single = await store.AddEventsAsync([shared with { Title = "Alone" }], Ct);

        foreach (var (stored, draft) in bulk.Concat(single).Zip(drafts.Append(shared with { Title = "Alone" })))
        {
            var read = (await store.GetEventAsync(stored.Id, Ct))!;
            Assert.Equal(
                (draft.Title, draft.Kind, draft.Start, draft.Location, draft.TimeZoneId, string.Join(' ', draft.Hashtags), draft.Reminders, draft.CreatedBy),
                (read.Title, read.Kind, read.Start, read.Location, read.TimeZoneId, string.Join(' ', read.Hashtags), read.Reminders, read.CreatedBy));
        }

        // All four start within a week: each owes its 1d, 2h and 0 reminders, not the 7d one.
        Assert.Equal(4 * 3, (await Queue().StatsAsync(Ct))[ReminderState.Pending]);
    }
}
