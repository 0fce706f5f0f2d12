using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>
/// The one durable Quartz job behind every reminder: handles what is due, then arms itself for the next due time.
/// Re-running it is harmless (claims and the delivery log make it idempotent), which is what RequestRecovery needs.
/// Runs may overlap (no <c>[DisallowConcurrentExecution]</c>): claims keep them apart, and in a cluster a node killed
/// mid-run would otherwise block every trigger of the job until Quartz's check-in threshold declares it dead.
/// </summary>
public sealed class DispatchRemindersJob(ReminderDispatcher dispatcher, IReminderQueue queue, DispatcherArming arming, IHostApplicationLifetime lifetime, ILogger<DispatchRemindersJob> logger) : IJob
{
    public static readonly JobKey Key = new("dispatch", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Once the bot is stopping, nothing more is claimed or waited for: rows already claimed but not yet due stay
        // claimed and are taken up (on time or late) by the next start or another node when their lease ends.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await dispatcher.RunOnceAsync(run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // The sweep trigger runs the job again within a minute; leases hand claimed rows back meanwhile.
            Log.DispatchFailed(logger, exception);
        }

        if (!run.IsCancellationRequested && await queue.NextFireAsync(run.Token).ConfigureAwait(false) is { } next)
        {
            try
            {
                await arming.ArmAsync(next, run.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (run.IsCancellationRequested && exception is SchedulerException or OperationCanceledException)
            {
                // Stopping: the next start arms the dispatcher for every pending reminder.
            }
        }
    }
}
