namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Wakes the dispatcher at reminders' due instants from a thread of its own. A timer's callback, like every
/// continuation, waits its turn in the thread pool's queue, behind whatever else the bot is doing (a burst of web
/// requests, a flood of tagged posts); this thread sleeps until the earliest instant and resumes the waiting sends on
/// itself, so a send goes out when it is due, not when the pool gets round to it. A timed wait ends up to a millisecond
/// or so after its time (it counts whole milliseconds, then the scheduler's slack), so the thread sleeps until just
/// before the instant and spins the last stretch (at most 1.5 ms per instant). With a clock other
/// than the system's (tests' simulated time) it waits on that clock instead.
/// </summary>
public sealed class DueInstants : IDisposable
{
    // Closer than this, the thread spins to the instant instead of sleeping: a timed wait could overshoot it by as much.
    private static readonly TimeSpan SpinWithin = TimeSpan.FromMilliseconds(1.5);

    // Between two looks at the clock: a microsecond or so.
    private const int SpinIterations = 20;

    private readonly TimeProvider _clock;
    private readonly PriorityQueue<TaskCompletionSource, DateTimeOffset> _waiting = new();
    private readonly Lock _gate = new();
    private readonly AutoResetEvent _changed = new(initialState: false);
    private readonly Thread? _thread;
    private volatile bool _disposed;

    public DueInstants(TimeProvider clock)
    {
        _clock = clock;
        if (ReferenceEquals(clock, TimeProvider.System))
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "CampaignBot due instants" };
            _thread.Start();
        }
    }

    /// <summary>Completes at <paramref name="due"/> (never before it), resuming the caller on the waker's thread.</summary>
    public async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (_thread is null)
        {
            for (var wait = due - _clock.GetUtcNow(); wait > TimeSpan.Zero; wait = due - _clock.GetUtcNow())
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _clock, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (due <= _clock.GetUtcNow())
        {
            return;
        }

        // Continuations run synchronously on the waker's thread: that is the point (the sends start at once).
        var woken = new TaskCompletionSource();
        lock (_gate)
        {
            _waiting.Enqueue(woken, due);
        }

        _changed.Set();
        await woken.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One short wait (a millisecond) through the waking thread, so that with a JIT its path is compiled before a real
    /// instant needs it (measured: the first instant's sends began 1-1.5 ms late without it). Nothing with a test clock.
    /// </summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        _thread is null ? Task.CompletedTask : WaitUntilAsync(_clock.GetUtcNow() + TimeSpan.FromMilliseconds(1), cancellationToken);

    public void Dispose()
    {
        _disposed = true;
        _changed.Set();
        _thread?.Join(TimeSpan.FromSeconds(1));
        _changed.Dispose();
    }

    private void Run()
    {
        while (!_disposed)
        {
            TaskCompletionSource? next = null;
            var sleep = Timeout.InfiniteTimeSpan;
            lock (_gate)
            {
                if (_waiting.TryPeek(out var woken, out var due))
                {
                    var left = due - _clock.GetUtcNow();
                    if (left <= TimeSpan.Zero)
                    {
                        next = _waiting.Dequeue();
                    }
                    else
                    {
                        // Whole milliseconds, rounded down, stopping short of the instant by the spinning stretch.
                        sleep = left <= SpinWithin ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Floor((left - SpinWithin).TotalMilliseconds));
                    }
                }
            }

            if (next is not null)
            {
                next.TrySetResult();
                continue;
            }

            if (sleep == TimeSpan.Zero)
            {
                // Spinning, not yielding: a yield hands the core to whatever else is runnable (the JIT compiling in
                // the background, the previous instant's recording) for as long as the scheduler likes.
                Thread.SpinWait(SpinIterations);
                continue;
            }

            try
            {
                _changed.WaitOne(sleep);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }
}
