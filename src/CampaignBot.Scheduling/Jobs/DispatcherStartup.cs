using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>
/// Arms the dispatcher for the earliest pending reminder once Quartz runs, so reminders that fell due while the bot
/// was down are handled (sent late or recorded missed) straight after start-up. The send path is warmed up first.
/// </summary>
public sealed class DispatcherStartup(IReminderQueue queue, DispatcherArming arming, ReminderDispatcher dispatcher, NodeIdentity node, TimeProvider clock, ILogger<DispatcherStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await dispatcher.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        if (await queue.NextFireAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            await arming.ArmAsync(next, cancellationToken).ConfigureAwait(false);
        }

        Log.DispatcherReady(logger, node.Id);
    }

    /// <summary>
    /// Runs before Quartz stops: once the dispatcher has wound down, hands this node's claimed reminders back and arms
    /// the trigger for the earliest pending one, so in a cluster another node sends them on time, not after the lease.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await arming.StoppingAsync(cancellationToken).ConfigureAwait(false);
            await dispatcher.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(5), clock, cancellationToken).ConfigureAwait(false);
            var released = await queue.ReleaseAsync(node.Id, cancellationToken).ConfigureAwait(false);
            if (await queue.NextFireAsync(cancellationToken).ConfigureAwait(false) is { } next)
            {
                await arming.HandOverAsync(next, cancellationToken).ConfigureAwait(false);
            }

            Log.HandedBack(logger, released);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or SchedulerException)
        {
            // The lease hands the rows back anyway; this only makes it sooner.
            Log.HandBackFailed(logger, exception);
        }
    }
}
