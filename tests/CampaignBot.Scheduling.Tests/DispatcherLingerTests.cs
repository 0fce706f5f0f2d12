namespace CampaignBot.Scheduling.Tests;

public sealed class DispatcherLingerTests
{
    [Fact]
    public async Task A_steady_stream_of_reminders_stays_in_one_run_while_each_comes_within_the_linger_of_the_last()
    {
        var options = new SchedulingOptions { Linger = TimeSpan.FromSeconds(2), RetryBackoff = TimeSpan.FromSeconds(5), MaxAttempts = 3 };
        await using var bot = await DispatcherHarness.CreateAsync(options: options);
        await bot.SubscribeAsync("marches");
        // One a second for five seconds: longer than the linger, but never a gap as long as it.
        for (var i = 1; i <= 5; i++)
        {
            await bot.AddEventAsync($"March {i}", DispatcherHarness.Start.AddSeconds(i).AddHours(1), offsets: TimeSpan.FromHours(1));
        }

        var run = bot.RunAsync();
        while (!run.IsCompleted && bot.Clock.GetUtcNow() < DispatcherHarness.Start.AddSeconds(30))
        {
            bot.Clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        Assert.Equal(5, await run);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Reminder: March {i} starts in 1h"), bot.Sender.Sent.Select(m => m.Content.Title));
        Assert.All(bot.Sender.Timeline, sent => Assert.True(sent.At >= DispatcherHarness.Start.AddSeconds(1)));
        Assert.Empty(bot.Held.Snapshot());
    }
}
