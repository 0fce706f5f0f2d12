namespace CampaignBot.Discord.Rest;

/// <summary>
/// One Discord rate-limit bucket (hash + major parameter). Until a response has described it, only one request may be
/// in flight: <see cref="AcquireAsync"/> then keeps the gate until <see cref="Update"/> or <see cref="Release"/>.
/// </summary>
// SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used, and these live as long as the process.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim without a wait handle needs no disposal.")]
internal sealed class RateLimitBucket(TimeProvider clock)
{
    private const long UnknownReset = long.MaxValue;
    private static readonly TimeSpan SameWindow = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AwaitHeaders = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private bool _known;
    private int _limit = 1;
    private int _remaining = 1;
    private long _resetAt;

    /// <summary>Waits for a free slot. True when the bucket is still unknown and the caller now holds its gate.</summary>
    public async ValueTask<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!_known)
        {
            return true;
        }

        try
        {
            while (true)
            {
                var wait = TryTake();
                if (wait <= TimeSpan.Zero)
                {
                    return false;
                }

                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Learns the bucket's state from a response; releases the gate when the caller held it.</summary>
    public void Update(RateLimitHeaders headers, bool heldGate)
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            if (headers.HasLimits)
            {
                var resetAt = now + Ticks(headers.ResetAfter!.Value);
                var remaining = headers.Remaining!.Value;
                _limit = Math.Max(1, headers.Limit!.Value);
                if (!_known)
                {
                    _remaining = remaining;
                    _resetAt = resetAt;
                }
                else if (_resetAt == UnknownReset || resetAt - _resetAt <= Ticks(SameWindow))
                {
                    // Same window (or the one we already moved into): requests still in flight are counted locally only.
                    _remaining = Math.Min(_remaining, remaining);
                    _resetAt = _resetAt == UnknownReset ? resetAt : Math.Max(_resetAt, resetAt);
                }
                else
                {
                    // Discord started a window we hadn't moved into yet.
                    _remaining = now >= _resetAt ? remaining : Math.Min(_remaining, remaining);
                    _resetAt = resetAt;
                }
            }
            else if (!_known)
            {
                // A route without rate-limit headers: nothing to wait for but the global limit.
                _limit = int.MaxValue;
                _remaining = int.MaxValue;
            }

            _known = true;
        }

        Release(heldGate);
    }

    /// <summary>After a 429 for this bucket: nothing goes out until <paramref name="retryAfter"/> has passed.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            if (!_known)
            {
                _limit = 1;
            }

            _known = true;
            _remaining = 0;
            var until = clock.GetTimestamp() + Ticks(retryAfter);
            _resetAt = _resetAt == UnknownReset ? until : Math.Max(_resetAt, until);
        }
    }

    public void Release(bool heldGate)
    {
        if (heldGate)
        {
            _gate.Release();
        }
    }

    private TimeSpan TryTake()
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            if (_remaining <= 0 && now >= _resetAt)
            {
                // The window is over: a fresh one starts with this request, ending when its response says.
                _remaining = _limit;
                _resetAt = UnknownReset;
            }

            if (_remaining > 0)
            {
                _remaining--;
                return TimeSpan.Zero;
            }

            if (_resetAt == UnknownReset)
            {
                return AwaitHeaders;
            }

            return TimeSpan.FromSeconds((double)(_resetAt - now) / clock.TimestampFrequency) + TimeSpan.FromMilliseconds(1);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);
}
