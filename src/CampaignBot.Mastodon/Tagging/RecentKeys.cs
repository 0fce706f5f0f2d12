namespace CampaignBot.Mastodon.Tagging;

/// <summary>A bounded set of recently seen keys (oldest forgotten first), to skip repeats cheaply in memory.</summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Whether <paramref name="key"/> is remembered.</summary>
    public bool Contains(string key)
    {
        lock (_lock)
        {
            return _set.Contains(key);
        }
    }

    /// <summary>True when <paramref name="key"/> was not seen recently (and is remembered now).</summary>
    public bool Add(string key)
    {
        lock (_lock)
        {
            if (!_set.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
