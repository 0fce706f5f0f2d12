using CampaignBot.Core.Background;
using CampaignBot.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Mastodon.Tests;

// The adapter's backfills run beside the stream; stopping must wait for them (within its limit), and their failures
// must reach the log rather than vanish as unobserved exceptions.
public sealed class BackgroundWorkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_waits_for_background_work_still_running()
    {
        var (work, _) = Create(TimeProvider.System);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        work.Start("a backfill", async _ =>
        {
            await release.Task;
            finished = true;
        }, Ct);

        var stopping = work.StopAsync();
        await Task.Delay(100, Ct);
        Assert.False(stopping.IsCompleted);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.True(finished);
        Assert.Equal(0, work.Running);
    }

    [Fact]
    public async Task Work_still_running_after_the_stop_limit_is_left_with_a_warning()
    {
        var clock = new FakeTimeProvider();
        var (work, logs) = Create(clock);
        var never = new TaskCompletionSource();
        work.Start("a backfill", _ => never.Task, Ct);

        var stopping = work.StopAsync();
        clock.Advance(BackgroundWork.StopLimit);
        await stopping.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(1, work.Running);
        var warning = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("1 background task(s) still running after 3 s", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_piece_of_work_is_logged_and_cancellation_is_not_a_failure()
    {
        var (work, logs) = Create(TimeProvider.System);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        work.Start("backfill after connecting over WebSocket", _ => throw new InvalidOperationException("the store is gone"), Ct);
        work.Start("backfill after connecting over server-sent events", token => Task.Delay(Timeout.InfiniteTimeSpan, token), cancelled.Token);

        await work.StopAsync().WaitAsync(TimeSpan.FromSeconds(5), Ct);

        var error = Assert.Single(logs.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal("backfill after connecting over WebSocket failed", error.Message);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal(0, work.Running);
    }

    private static (BackgroundWork Work, RecordingLoggerProvider Logs) Create(TimeProvider clock)
    {
        var logs = new RecordingLoggerProvider();
        var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        return (new BackgroundWork(clock, factory.CreateLogger<BackgroundWork>()), logs);
    }
}
