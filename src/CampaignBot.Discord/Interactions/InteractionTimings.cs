namespace CampaignBot.Discord.Interactions;

/// <summary>
/// How long initial responses took from receipt of INTERACTION_CREATE to the callback being accepted: the last
/// 4,096, for <c>status</c> and the interaction-latency benchmark.
/// </summary>
internal sealed class InteractionTimings
{
    private const int Capacity = 4096;

    private readonly double[] _milliseconds = new double[Capacity];
    private readonly Lock _lock = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan elapsed)
    {
        lock (_lock)
        {
            _milliseconds[_count % Capacity] = elapsed.TotalMilliseconds;
            _count++;
        }
    }

    /// <summary>The recorded durations in milliseconds, oldest first (at most the last 4,096).</summary>
    public IReadOnlyList<double> Snapshot()
    {
        lock (_lock)
        {
            var n = (int)Math.Min(_count, Capacity);
            var start = _count > Capacity ? _count % Capacity : 0;
            return [.. Enumerable.Range(0, n).Select(i => _milliseconds[(start + i) % Capacity])];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _count = 0;
        }
    }
}
