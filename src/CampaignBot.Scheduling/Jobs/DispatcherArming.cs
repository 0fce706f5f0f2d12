using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>
/// Keeps a one-shot trigger of the dispatcher job armed a little before the earliest pending reminder. Each arming
/// schedules a fresh trigger unless one already fires early enough; a superseded later trigger just finds nothing to
/// do. Triggers live in Quartz's store, so in a cluster any node's arming wakes whichever node fires it.
/// Wakes are armed on one tracked task at a time: wakes that come while it runs coalesce into the earliest (a later
/// reminder is armed by the dispatcher run before it), its failures are logged, and stopping awaits it.
/// </summary>
public sealed class DispatcherArming(ISchedulerFactory schedulers, TimeProvider clock, ILogger<DispatcherArming> logger) : IReminderWakeup, IDisposable
{
    /// <summary>
    /// How much before the due time the trigger fires: the dispatcher's claim horizon, so even a thousand reminders
    /// due at one instant are claimed and their send decisions recorded before it comes (that takes tens of ms).
    /// </summary>
    public static readonly TimeSpan Lead = Reminders.ReminderDispatcher.ClaimAhead;

    private const string Group = "reminders";
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(1);
    private volatile bool _stopping;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _wakes = new();
    private DateTimeOffset? _wanted;
    private bool _running;
    private Task _arming = Task.CompletedTask;

    public void Wake(DateTimeOffset fireAt)
    {
        lock (_wakes)
        {
            // Stopping: the node hands over with the earliest pending reminder, and the next start arms for it.
            if (_stopping)
            {
                return;
            }

            _wanted = _wanted is { } wanted && wanted <= fireAt ? wanted : fireAt;
            if (!_running)
            {
                _running = true;
                _arming = Task.Run(ArmWantedAsync);
            }
        }
    }

    /// <summary>
    /// The host is stopping: no further wake starts work, a failed arming is expected now and not worth an error, and
    /// the arming in flight is awaited (within the host's shutdown budget).
    /// </summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        Task arming;
        lock (_wakes)
        {
            _stopping = true;
            arming = _arming;
        }

        return arming.WaitAsync(cancellationToken);
    }

    // A host stopped before it finished starting never calls StoppingAsync, so an arming may still be in flight: it
    // ends on its own (failing quietly, as when stopping), and the gate is left to it rather than disposed under it.
    public void Dispose()
    {
        Task arming;
        lock (_wakes)
        {
            _stopping = true;
            arming = _arming;
        }

        if (arming.IsCompleted)
        {
            _gate.Dispose();
        }
    }

    public async Task ArmAsync(DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        var target = fireAt - Lead;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            var armed = await scheduler.GetTriggersOfJob(DispatchRemindersJob.Key, cancellationToken).ConfigureAwait(false);
            // A trigger that should have fired a while ago is held by a node that died firing it (Quartz hands it on
            // only after its cluster check-in threshold): it doesn't count as armed.
            var stale = clock.GetUtcNow() - Stale;
            var early = armed
                .Where(t => t.Key.Group == Group && t.Key.Name.StartsWith("at-", StringComparison.Ordinal))
                .Select(t => t.NextFireTimeUtc)
                .Where(next => next is { } at && at <= target && at >= stale)
                .Min();
            if (early is { } existing)
            {
                Log.Armed(logger, existing);
                return;
            }

            await ScheduleAsync(scheduler, target, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A node stopping cleanly hands the dispatching over: its own scheduler stops taking triggers (so it can't take
    /// this one and then shut down with it), and a fresh trigger for <paramref name="fireAt"/> goes into the shared
    /// store, where another node's scheduler picks it up within its idle wait.
    /// </summary>
    public async Task HandOverAsync(DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            await scheduler.Standby(cancellationToken).ConfigureAwait(false);
            await ScheduleAsync(scheduler, fireAt - Lead, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    // A fresh one-shot trigger at target (now if that has passed); callers hold the gate.
    private async Task ScheduleAsync(IScheduler scheduler, DateTimeOffset target, CancellationToken cancellationToken)
    {
        var start = target > clock.GetUtcNow() ? target : clock.GetUtcNow();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"at-{start.ToUnixTimeMilliseconds()}-{Guid.NewGuid():N}", Group)
            .ForJob(DispatchRemindersJob.Key)
            .StartAt(start)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, default, cancellationToken).ConfigureAwait(false);
        Log.Armed(logger, start);
    }

    // Arms what the wakes asked for until none is left; a wake that lands meanwhile lowers _wanted and is taken next.
    private async Task ArmWantedAsync()
    {
        while (true)
        {
            DateTimeOffset fireAt;
            lock (_wakes)
            {
                if (_wanted is not { } wanted)
                {
                    _running = false;
                    return;
                }

                fireAt = wanted;
                _wanted = null;
            }

            await ArmQuietlyAsync(fireAt).ConfigureAwait(false);
        }
    }

    private async Task ArmQuietlyAsync(DateTimeOffset fireAt)
    {
        try
        {
            await ArmAsync(fireAt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (_stopping && exception is SchedulerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping (the scheduler or the database already gone): the next start arms the dispatcher for every
            // pending reminder.
        }
        catch (Exception exception)
        {
            // The minute sweep still picks the reminder up; a failed arming only costs precision.
            Log.ArmFailed(logger, exception);
        }
    }
}
