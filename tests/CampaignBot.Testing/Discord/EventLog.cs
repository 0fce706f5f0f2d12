namespace CampaignBot.Testing.Discord;

/// <summary>An append-only record that tests can wait on: <see cref="WaitAsync"/> completes when a matching entry arrives.</summary>
public sealed class EventLog<T>
{
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_lock)
            {
                return [.. _items];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource<T>> done = [];
        lock (_lock)
        {
            _items.Add(item);
            foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
            {
                _waiters.Remove(waiter);
                done.Add(waiter.Done);
            }
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult(item);
        }
    }

    /// <summary>The first entry (already recorded or still to come) matching <paramref name="match"/>; fails after the timeout.</summary>
    public async Task<T> WaitAsync(Func<T, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        TaskCompletionSource<T> done;
        lock (_lock)
        {
            foreach (var item in _items)
            {
                if (match(item))
                {
                    return item;
                }
            }

            done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what ?? typeof(T).Name}; recorded: {Count}.");
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> entries match.</summary>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(Func<T, bool> match, int count, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = Items.Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Timed out waiting for {count} × {what ?? typeof(T).Name}; saw {matching.Count}.");
            }

            try
            {
                await WaitAsync(item => match(item) && !matching.Any(seen => ReferenceEquals(seen, item)), left, what).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Loop once more to report the count seen.
            }
        }
    }
}
