using System.Globalization;

namespace CampaignBot.Testing.Discord;

/// <summary>
/// Enforces <see cref="FakeRateLimits"/> like Discord: a sliding one-second global window, and fixed windows per
/// bucket and major parameter that start with the first request. Counts every 429 it serves.
/// </summary>
internal sealed class FakeRateLimiter(FakeRateLimits limits, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _global = new();
    private readonly Dictionary<string, (int Count, long ResetAt)> _windows = [];
    private int _tooMany;

    public int TooManyRequests => Volatile.Read(ref _tooMany);

    /// <summary>Null when the request may go ahead (headers to add in <paramref name="headers"/>), else the 429 to serve.</summary>
    public InjectedResponse? Check(string route, string major, bool global, Dictionary<string, string> headers)
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            if (global && limits.GlobalPerSecond is { } perSecond)
            {
                while (_global.Count > 0 && clock.GetElapsedTime(_global.Peek(), now) >= TimeSpan.FromSeconds(1))
                {
                    _global.Dequeue();
                }

                if (_global.Count >= perSecond)
                {
                    _tooMany++;
                    var wait = TimeSpan.FromSeconds(1) - clock.GetElapsedTime(_global.Peek(), now);
                    return InjectedResponse.RateLimited(Math.Max(0.001, wait.TotalSeconds), global: true);
                }
            }

            if (limits.RouteLimit is { } limit)
            {
                var bucket = $"fake-{(uint)StringComparer.Ordinal.GetHashCode(route):x8}";
                var key = $"{bucket}:{major}";
                var window = _windows.TryGetValue(key, out var w) && now < w.ResetAt ? w : (Count: 0, ResetAt: now + (long)(limits.RouteWindow.TotalSeconds * clock.TimestampFrequency));
                var resetAfter = (double)(window.ResetAt - now) / clock.TimestampFrequency;
                headers["X-RateLimit-Bucket"] = bucket;
                headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
                if (window.Count >= limit)
                {
                    _tooMany++;
                    headers["X-RateLimit-Remaining"] = "0";
                    var limited = InjectedResponse.RateLimited(resetAfter);
                    return limited with { Headers = new Dictionary<string, string>(limited.Headers.Concat(headers)) };
                }

                _windows[key] = (window.Count + 1, window.ResetAt);
                headers["X-RateLimit-Remaining"] = (limit - window.Count - 1).ToString(CultureInfo.InvariantCulture);
            }

            if (global && limits.GlobalPerSecond is not null)
            {
                _global.Enqueue(now);
            }

            return null;
        }
    }

    public void CountInjected429() => Interlocked.Increment(ref _tooMany);
}
