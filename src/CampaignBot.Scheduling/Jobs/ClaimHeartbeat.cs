using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>
/// Makes claims die with their holder. At start-up it takes back the claims this node's previous process left (a
/// killed bot's, under the same stable node id). While the node lives it renews the leases of the reminders its
/// dispatcher holds every second (at least five times a lease), so the lease can be short; and it watches
/// for work nobody is doing — a pending reminder overdue, or a dead node's lease run out — and arms the dispatcher
/// for it at once, rather than waiting for Quartz to declare the dead node's half-run trigger recovered.
/// Registered before Quartz: it starts before the first dispatch and stops after the last.
/// </summary>
public sealed class ClaimHeartbeat(
    IReminderQueue queue,
    HeldClaims held,
    NodeIdentity node,
    DispatcherArming arming,
    IOptions<SchedulingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ClaimHeartbeat> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>
    /// How often leases are renewed (at least five times a lease) and overdue work is looked for (every second, so a
    /// dead node's half-fired trigger costs a surviving node one to two seconds).
    /// </summary>
    public static TimeSpan Interval(SchedulingOptions settings) => settings.Lease / 5 < TimeSpan.FromSeconds(1) ? settings.Lease / 5 : TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var released = await queue.ReleaseAsync(node.Id, cancellationToken).ConfigureAwait(false);
        if (released > 0)
        {
            Log.ClaimsRetaken(logger, released, node.Id);
        }

        _loop = Task.Run(() => BeatAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var interval = Interval(settings);
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await queue.RenewAsync(node.Id, held.Snapshot(), settings.Lease, cancellationToken).ConfigureAwait(false);
                    // Once stopping, the leases are still renewed until the last run ends, but nothing new is armed:
                    // the stopping node hands the dispatching over itself (DispatcherStartup).
                    if (!lifetime.ApplicationStopping.IsCancellationRequested
                        && await queue.NextFireAsync(cancellationToken).ConfigureAwait(false) is { } next && next < clock.GetUtcNow() - interval)
                    {
                        Log.Overdue(logger, next);
                        await arming.ArmAsync(next, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database blip: the next beat tries again, well before a lease renewed now would have run out.
                    Log.HeartbeatFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
