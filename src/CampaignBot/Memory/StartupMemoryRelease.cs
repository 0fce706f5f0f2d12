using Microsoft.Extensions.Hosting;

namespace CampaignBot.Memory;

/// <summary>
/// Starting the bot allocates far more than it keeps (configuration, the container, Quartz's and Kestrel's start, the
/// warm-ups), and the collector keeps that memory committed for the allocations it expects next. A bot mostly waits,
/// so once it has started and settled, one compacting collection hands the memory back to the system.
/// </summary>
internal sealed class StartupMemoryRelease(IHostApplicationLifetime lifetime, TimeProvider clock) : BackgroundService
{
    // Past the start-up warm-ups and the first frames, so the pause (a few milliseconds) lands on an idle bot.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await Task.Delay(Settle, clock, stoppingToken).ConfigureAwait(false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
