using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>
/// The one durable Quartz job behind every reminder: handles what is due, then arms itself for the next due time.
/// Re-running it is harmless (claims and the delivery log make it idempotent), which is what RequestRecovery needs.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchRemindersJob(ReminderDispatcher dispatcher, IReminderQueue queue, DispatcherArming arming, ILogger<DispatchRemindersJob> logger) : IJob
{
    public static readonly JobKey Key = new("dispatch", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The sweep trigger runs the job again within a minute; leases hand claimed rows back meanwhile.
            Log.DispatchFailed(logger, exception);
        }

        if (await queue.NextFireAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            await arming.ArmAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }
}
