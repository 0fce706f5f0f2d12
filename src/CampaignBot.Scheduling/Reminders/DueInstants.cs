namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Wakes the dispatcher at reminders' due instants from a thread of its own. A timer's callback, like every
/// continuation, waits its turn in the thread pool's queue, behind whatever else the bot is doing (a burst of web
/// requests, a flood of tagged posts); this thread sleeps until the earliest instant and resumes the waiting sends on
/// itself, so a send goes out when it is due, not when the pool gets round to it. With a clock other than the system's
/// (tests' simulated time) it waits on that clock instead.
/// </summary>
public sealed class DueInstants : IDisposable
{
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
                        // The wait's resolution is a millisecond; round up so the instant is never anticipated.
                        sleep = TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds));
                    }
                }
            }

            if (next is not null)
            {
                next.TrySetResult();
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
