using CampaignBot.Core.Ports;
using Quartz;

namespace CampaignBot.Scheduling;

/// <summary>Quartz for <c>/readyz</c>: running (not created-only, in stand-by or shutting down).</summary>
internal sealed class SchedulerReadiness(ISchedulerFactory schedulers) : IReadinessProbe
{
    public string Name => "scheduler";

    public bool Required => true;

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        return status == SchedulerStatus.Running
            ? Readiness.Up("running")
            : Readiness.Down(status.ToString().ToLowerInvariant());
    }
}
