using CampaignBot.Core.Time;

namespace CampaignBot.Scheduling.Tests;

/// <summary>Reminders computed in the event's zone stay right across the clock changes of Europe/London.</summary>
public sealed class DaylightSavingTests : IAsyncLifetime
{
    private DispatcherHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await DispatcherHarness.CreateAsync();
        await _bot.SubscribeAsync("marches");
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Across_spring_forward_a_day_before_is_the_same_wall_clock_time()
    {
        // Sunday 28 March 2027 12:00 BST = 11:00 UTC; the day before, 12:00 GMT = 12:00 UTC, 23 hours earlier.
        var start = WhenParser.Parse("2027-03-28 12:00", "Europe/London", _bot.Clock.GetUtcNow()).Value;
        await _bot.AddEventAsync("Spring march", start, offsets: [TimeSpan.FromDays(1), TimeSpan.FromHours(2)]);

        var due = await DueTimesAsync(start);

        Assert.Equal([new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 28, 9, 0, 0, TimeSpan.Zero)], due);
    }

    [Fact]
    public async Task Across_fall_back_a_day_before_is_the_same_wall_clock_time()
    {
        // Sunday 25 October 2026 12:00 GMT = 12:00 UTC; the day before, 12:00 BST = 11:00 UTC, 25 hours earlier.
        await using var autumn = await DispatcherHarness.CreateAsync(now: new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var start = WhenParser.Parse("2026-10-25 12:00", "Europe/London", autumn.Clock.GetUtcNow()).Value;
        await autumn.AddEventAsync("Autumn strike", start, offsets: [TimeSpan.FromDays(1), TimeSpan.FromHours(2)]);

        var due = (await autumn.Queue.ClaimAsync("probe", start, TimeSpan.FromMinutes(1), 10, TestContext.Current.CancellationToken)).Select(r => r.Due).ToArray();

        Assert.Equal([new DateTimeOffset(2026, 10, 24, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 10, 0, 0, TimeSpan.Zero)], due);
    }

    [Fact]
    public async Task Reminders_fire_at_their_dst_correct_instants()
    {
        var start = WhenParser.Parse("2027-03-28 12:00", "Europe/London", _bot.Clock.GetUtcNow()).Value;
        await _bot.AddEventAsync("Spring march", start, offsets: [TimeSpan.FromDays(1)]);

        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 27, 11, 59, 0, TimeSpan.Zero));
        await _bot.RunAsync();
        var early = _bot.Sender.Sent.Count;
        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero));
        await _bot.RunAsync();

        Assert.Equal(0, early);
        Assert.Contains("Sun 28 Mar 2027 12:00 Europe/London (UTC+01:00)", Assert.Single(_bot.Sender.Sent).Content.ToPlainText(_bot.Clock), StringComparison.Ordinal);
    }

    private async Task<DateTimeOffset[]> DueTimesAsync(DateTimeOffset start)
    {
        var claimed = await _bot.Queue.ClaimAsync("probe", start, TimeSpan.FromMinutes(1), 10, TestContext.Current.CancellationToken);
        return claimed.Select(r => r.Due).ToArray();
    }
}
