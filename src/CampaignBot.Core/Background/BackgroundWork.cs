using Microsoft.Extensions.Logging;

namespace CampaignBot.Core.Background;

/// <summary>
/// The owner of work that runs beside the bot's loops without its starter waiting for it (Mastodon's REST backfill
/// after each stream (re)connection; Discord's interactions, scheduled-event dispatches and rate-limit slot
/// hand-backs; the coalesced event-card refreshes), as Remora.Discord's responder dispatch owns the responders it
/// starts: each piece is tracked until it ends, a failure is logged instead of vanishing unobserved, and
/// <see cref="StopAsync"/> (called by each adapter as it stops) awaits what is still running for at most
/// <see cref="StopLimit"/>, well inside the host's 10-second shutdown budget, so nothing outlives the adapters or
/// writes after the queues it feeds have drained. Nothing else in <c>src/</c> starts a task it does not await.
/// </summary>
public sealed class BackgroundWork(TimeProvider clock, ILogger<BackgroundWork> logger)
{
    /// <summary>How long stopping waits for running work (the boost queue's own drain may take up to 5 s after it).</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Pieces started and not yet ended.</summary>
    public int Running
    {
        get
        {
            lock (_lock)
            {
                _running.RemoveWhere(task => task.IsCompleted);
                return _running.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool without waiting for it; <paramref name="what"/> names it in the log.</summary>
    public void Start(string what, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var task = Task.Run(() => RunAsync(what, work, cancellationToken), CancellationToken.None);
        lock (_lock)
        {
            _running.Add(task);
        }

        // Each piece leaves the set as it ends, so starting one costs the same however many are running.
        _ = task.ContinueWith(Forget, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void Forget(Task ended, object? owner)
    {
        var work = (BackgroundWork)owner!;
        lock (work._lock)
        {
            work._running.Remove(ended);
        }
    }

    /// <summary>Waits for the work still running, for at most <see cref="StopLimit"/>. Call it once nothing starts more.</summary>
    public async Task StopAsync()
    {
        Task[] running;
        lock (_lock)
        {
            _running.RemoveWhere(task => task.IsCompleted);
            running = [.. _running];
        }

        if (running.Length == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(StopLimit, clock).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.BackgroundAbandoned(logger, running.Count(task => !task.IsCompleted), StopLimit.TotalSeconds);
        }
    }

    private async Task RunAsync(string what, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.BackgroundFailed(logger, exception, what);
        }
    }
}
