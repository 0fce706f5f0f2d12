using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Scheduling.Tests;

public sealed class ReminderDispatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private DispatcherHarness _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await DispatcherHarness.CreateAsync();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task A_reminder_goes_once_to_every_channel_subscribed_to_its_kind()
    {
        await _bot.SubscribeAsync("marches", EventKind.March);
        await _bot.SubscribeAsync("strikes", EventKind.Strike);
        await _bot.SubscribeAsync("everything");
        var e = await _bot.AddEventAsync("Save our NHS", DispatcherHarness.Start.AddHours(3), offsets: Hour);

        _bot.Clock.Advance(TimeSpan.FromHours(2));
        await _bot.RunAsync();
        await _bot.RunAsync();

        Assert.Equal(["everything", "marches"], _bot.Sender.Sent.Select(m => m.Destination.Id).Order());
        var text = _bot.Sender.Sent.First().Content.ToPlainText(_bot.Clock);
        Assert.Contains("Reminder: Save our NHS starts in 1h", text, StringComparison.Ordinal);
        Assert.Contains("Tue 24 Nov 2026 13:00 Europe/London (UTC+00:00) (in 1 hour)", text, StringComparison.Ordinal);
        Assert.Contains("Where: Parliament Square", text, StringComparison.Ordinal);
        Assert.Contains("#NotSafeNotFair #LoveYourNHS", text, StringComparison.Ordinal);
        Assert.Equal($"reminder:1:discord:marches", _bot.Sender.Sent.Single(m => m.Destination.Id == "marches").IdempotencyKey);
        Assert.Equal(1, (await _bot.StatsAsync())[ReminderState.Sent]);
        Assert.Null((await _bot.StatsAsync()).NextFire);
    }

    [Fact]
    public async Task Offset_zero_is_sent_at_the_start_instant_not_before()
    {
        await _bot.SubscribeAsync("marches");
        var e = await _bot.AddEventAsync("March", DispatcherHarness.Start.AddMinutes(10), offsets: TimeSpan.Zero);

        _bot.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(100));
        var running = _bot.RunAsync();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var sentEarly = _bot.Sender.Sent.Count;
        _bot.Clock.Advance(TimeSpan.FromMilliseconds(100));
        await running;

        Assert.Equal(0, sentEarly);
        var (message, at) = Assert.Single(_bot.Sender.Timeline);
        Assert.Equal(e.Start, at);
        Assert.Contains("starts now", message.Content.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(45_000, true)]
    [InlineData(0, false)]
    public async Task A_reminder_claimed_on_time_is_marked_late_in_text_and_record_only_if_it_is_sent_late(int sentAfterDueMs, bool late)
    {
        await _bot.SubscribeAsync("marches");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(1), offsets: TimeSpan.FromMinutes(30));

        _bot.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(100));
        var running = _bot.RunAsync();
        await WaitUntilAsync(() => _bot.Held.Snapshot().Count == 1);
        var heldWhileWaiting = _bot.Held.Snapshot().Count;
        _bot.Clock.Advance(TimeSpan.FromMilliseconds(100 + sentAfterDueMs));
        await running;

        Assert.Equal(1, heldWhileWaiting);
        Assert.Empty(_bot.Held.Snapshot());
        var text = Assert.Single(_bot.Sender.Sent).Content.ToPlainText(_bot.Clock);
        Assert.Equal(late, text.Contains("Sent late", StringComparison.Ordinal));
        Assert.Equal(1, (await _bot.StatsAsync())[late ? ReminderState.Late : ReminderState.Sent]);
    }

    [Fact]
    public async Task Nothing_is_claimed_before_it_is_due()
    {
        await _bot.SubscribeAsync("marches");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddMinutes(10), offsets: TimeSpan.Zero);

        _bot.Clock.Advance(TimeSpan.FromMinutes(9));

        Assert.Equal(0, await _bot.RunAsync());
        Assert.Empty(_bot.Sender.Attempts);
    }

    [Fact]
    public async Task A_reminder_due_while_the_bot_was_down_is_sent_late_once_if_the_event_has_not_started()
    {
        await _bot.SubscribeAsync("marches");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(3), offsets: [TimeSpan.FromHours(2), TimeSpan.Zero]);

        _bot.Clock.Advance(TimeSpan.FromHours(2));
        _bot.Restart();
        await _bot.RunAsync();
        _bot.Restart();
        await _bot.RunAsync();

        var late = Assert.Single(_bot.Sender.Sent);
        Assert.Contains("Sent late", late.Content.ToPlainText(_bot.Clock), StringComparison.Ordinal);
        var stats = await _bot.StatsAsync();
        Assert.Equal(1, stats[ReminderState.Late]);
        Assert.Equal(1, stats[ReminderState.Pending]);
    }

    [Fact]
    public async Task A_reminder_whose_event_started_while_the_bot_was_down_is_recorded_missed_and_not_sent()
    {
        await _bot.SubscribeAsync("marches");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(3), offsets: [TimeSpan.FromHours(2), TimeSpan.Zero]);

        _bot.Clock.Advance(TimeSpan.FromHours(4));
        _bot.Restart();
        await _bot.RunAsync();

        Assert.Empty(_bot.Sender.Attempts);
        Assert.Equal(2, (await _bot.StatsAsync())[ReminderState.Missed]);
    }

    [Fact]
    public async Task A_failing_sender_is_retried_with_backoff_and_then_shown_as_failed()
    {
        await _bot.SubscribeAsync("marches");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(1), offsets: TimeSpan.Zero);
        _bot.Sender.FailNext(100);

        _bot.Clock.Advance(Hour);
        await _bot.RunAsync();
        var afterFirst = await _bot.StatsAsync();
        _bot.Clock.Advance(TimeSpan.FromSeconds(4));
        await _bot.RunAsync();
        var tooSoon = _bot.Sender.Attempts.Count;
        _bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await _bot.RunAsync();
        _bot.Clock.Advance(TimeSpan.FromSeconds(10));
        await _bot.RunAsync();

        Assert.Equal(DispatcherHarness.Start.AddHours(1).AddSeconds(5), afterFirst.NextFire);
        Assert.Equal(1, tooSoon);
        Assert.Equal(3, _bot.Sender.Attempts.Count);
        Assert.Single(_bot.Sender.Attempts.Select(a => a.IdempotencyKey).Distinct());
        var stats = await _bot.StatsAsync();
        Assert.Equal(1, stats[ReminderState.Failed]);
        Assert.Null(stats.NextFire);
    }

    [Fact]
    public async Task A_retry_goes_only_to_the_destinations_that_failed()
    {
        await _bot.SubscribeAsync("ok");
        await _bot.SubscribeAsync("flaky");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(1), offsets: TimeSpan.Zero);
        _bot.Sender.Unreachable.Add("flaky");

        _bot.Clock.Advance(Hour);
        await _bot.RunAsync();
        _bot.Sender.Unreachable.Clear();
        _bot.Clock.Advance(TimeSpan.FromSeconds(5));
        await _bot.RunAsync();

        Assert.Equal(["flaky", "ok"], _bot.Sender.Sent.Select(m => m.Destination.Id).Order());
        Assert.Equal(1, (await _bot.StatsAsync())[ReminderState.Sent]);
    }

    [Fact]
    public async Task Reminders_of_a_cancelled_event_are_never_sent()
    {
        await _bot.SubscribeAsync("marches");
        var e = await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(3), offsets: [Hour, TimeSpan.Zero]);

        await _bot.Store.UpdateEventAsync(e with { Status = EventStatus.Cancelled }, TestContext.Current.CancellationToken);
        _bot.Clock.Advance(TimeSpan.FromHours(3));
        await _bot.RunAsync();

        Assert.Empty(_bot.Sender.Attempts);
        Assert.Equal(2, (await _bot.StatsAsync())[ReminderState.Cancelled]);
    }

    [Fact]
    public async Task A_personal_reminder_goes_privately_to_the_person()
    {
        var e = await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(3), offsets: []);
        var sam = new Person(Platform.Discord, "200", "Sam");
        await _bot.Store.AddPersonalReminderAsync(new PersonalReminder(0, e.Id, sam, Hour, e.Start - Hour, _bot.Clock.GetUtcNow()), TestContext.Current.CancellationToken);

        _bot.Clock.Advance(TimeSpan.FromHours(2));
        await _bot.RunAsync();

        var message = Assert.Single(_bot.Sender.Sent);
        Assert.Equal(Destination.ToPerson(sam), message.Destination);
        Assert.True(message.Content.Private);
        Assert.StartsWith("Your reminder: March starts in 1h", message.Content.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_subscribed_channel_a_reminder_is_recorded_failed_with_the_reason()
    {
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(1), offsets: TimeSpan.Zero);

        _bot.Clock.Advance(Hour);
        await _bot.RunAsync();

        Assert.Equal(1, (await _bot.StatsAsync())[ReminderState.Failed]);
    }

    [Fact]
    public async Task Rows_claimed_by_a_node_that_died_are_delivered_once_after_the_lease()
    {
        await _bot.SubscribeAsync("marches");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(2), offsets: Hour);
        _bot.Clock.Advance(Hour);
        Assert.Single(await _bot.Queue.ClaimAsync("crashed", _bot.Clock.GetUtcNow(), _bot.Options.Lease, 10, TestContext.Current.CancellationToken));

        _bot.Restart();
        await _bot.RunAsync();
        var duringLease = _bot.Sender.Attempts.Count;
        _bot.Clock.Advance(_bot.Options.Lease + TimeSpan.FromSeconds(1));
        await _bot.RunAsync();
        await _bot.RunAsync();

        // The lease (10 s) is shorter than LateAfter (30 s): a takeover this quick still counts as on time.
        Assert.Equal(0, duringLease);
        Assert.DoesNotContain("Sent late", Assert.Single(_bot.Sender.Sent).Content.ToPlainText(_bot.Clock), StringComparison.Ordinal);
        Assert.Equal(1, (await _bot.StatsAsync())[ReminderState.Sent]);
    }

    [Fact]
    public async Task Editing_the_start_moves_the_reminders_with_it()
    {
        await _bot.SubscribeAsync("marches");
        var e = await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(3), offsets: Hour);

        await _bot.Store.UpdateEventAsync(e with { Start = e.Start.AddHours(2) }, TestContext.Current.CancellationToken);
        _bot.Clock.Advance(TimeSpan.FromHours(2));
        await _bot.RunAsync();
        var atOldTime = _bot.Sender.Sent.Count;
        _bot.Clock.Advance(TimeSpan.FromHours(2));
        await _bot.RunAsync();

        Assert.Equal(0, atOldTime);
        Assert.Single(_bot.Sender.Sent);
    }

    [Fact]
    public async Task A_sender_exception_is_a_failed_attempt_not_a_crash()
    {
        await _bot.SubscribeAsync("marches");
        await _bot.AddEventAsync("March", DispatcherHarness.Start.AddHours(1), offsets: TimeSpan.Zero);
        _bot.Sender.Unreachable.Add("marches");

        _bot.Clock.Advance(Hour);
        await _bot.RunAsync();

        Assert.Equal(DispatcherHarness.Start.AddHours(1).AddSeconds(5), (await _bot.StatsAsync()).NextFire);
        Assert.IsType<TextFragment>(_bot.Sender.Attempts.Single().Content.Lines[0][0]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
