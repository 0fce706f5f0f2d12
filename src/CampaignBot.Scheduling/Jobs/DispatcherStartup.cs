using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>
/// Arms the dispatcher for the earliest pending reminder once Quartz runs, so reminders that fell due while the bot
/// was down are handled (sent late or recorded missed) straight after start-up.
/// </summary>
public sealed class DispatcherStartup(IReminderQueue queue, DispatcherArming arming) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await queue.NextFireAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            await arming.ArmAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        arming.Stopping();
        return Task.CompletedTask;
    }
}
