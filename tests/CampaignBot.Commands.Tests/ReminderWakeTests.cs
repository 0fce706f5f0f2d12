namespace CampaignBot.Commands.Tests;

// The commands wake the dispatcher for the earliest reminder a change implies, and only once the change has
// committed: at each wake the queue (read on a connection of its own) already shows that reminder.
public sealed class ReminderWakeTests : IAsyncLifetime
{
    // 2027-01-15 12:00 in London is 12:00 UTC; far enough ahead of the real clock too, which the store reads.
    private static readonly DateTimeOffset EventStart = new(2027, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await CommandHarness.CreateAsync();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Creating_an_event_wakes_the_dispatcher_for_its_first_reminder_once_it_is_stored()
    {
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2027-01-15 12:00\" reminders:\"1d,0\"");

        var wake = Assert.Single(_bot.Wakeup.Wakes);
        Assert.Equal(EventStart.AddDays(-1), wake.FireAt);
        Assert.Equal(EventStart.AddDays(-1), wake.PendingThen);
    }

    [Fact]
    public async Task Moving_an_event_wakes_the_dispatcher_for_what_now_fires_first_a_persons_reminder_included()
    {
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2027-01-15 12:00\" reminders:0");
        await _bot.OkAsync("remind 1 before:2d", CommandHarness.Supporter);

        await _bot.OkAsync("event edit 1 when:\"2027-01-15 09:00\"");

        var wakes = _bot.Wakeup.Wakes;
        Assert.Equal([EventStart, EventStart.AddDays(-2), EventStart.AddHours(-3).AddDays(-2)], wakes.Select(w => w.FireAt));
        Assert.Equal(EventStart.AddHours(-3).AddDays(-2), wakes[^1].PendingThen);
    }

    [Fact]
    public async Task Cancelling_an_event_wakes_nothing()
    {
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2027-01-15 12:00\" reminders:0");

        await _bot.OkAsync("event cancel 1");

        Assert.Single(_bot.Wakeup.Wakes);
        Assert.Null(await _bot.Store.NextReminderAsync(1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_event_with_no_reminder_ahead_wakes_nothing()
    {
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2027-01-15 12:00\" reminders:none");

        Assert.Empty(_bot.Wakeup.Wakes);
    }
}
