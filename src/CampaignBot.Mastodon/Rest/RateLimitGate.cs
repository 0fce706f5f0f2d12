namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// Keeps the bot inside Mastodon's budgets from the <c>X-RateLimit-*</c> headers. Each request takes one from the
/// remaining count before it is sent (so concurrent requests don't all see the same number); once the remainder is
/// down to a tenth of the limit the requests are spread over the time left, and at zero they wait for the reset.
/// Servers that send no headers are not throttled here; their 429s are handled by backoff in the client.
/// </summary>
internal sealed class RateLimitGate(TimeProvider clock)
{
    private static readonly TimeSpan MaxPace = TimeSpan.FromSeconds(10);

    // Timers fire early: Task.Delay truncates the wait to whole milliseconds and the timer queue counts in ticks of
    // Environment.TickCount64 (1 ms here, 15.6 ms on Windows), so a wait "until the reset" can end up to a tick
    // before it, and a request sent then lands in the spent window (a 429). The reset header is also rounded down
    // to microseconds. Waiting this much past the reset is cheap and always lands in the new window.
    internal static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(20);

    private readonly Lock _lock = new();
    private readonly Dictionary<RateFamily, State> _families = [];

    /// <summary>The budget as last reported, or null when the server sent nothing (yet) or it has reset since.</summary>
    public RateBudget? Budget(RateFamily family)
    {
        lock (_lock)
        {
            return _families.TryGetValue(family, out var state) && state.Reset > clock.GetUtcNow()
                ? new RateBudget(state.Limit, Math.Max(0, state.Remaining), state.Reset)
                : null;
        }
    }

    /// <summary>How long to wait before sending one request of <paramref name="family"/>; takes it from the budget.</summary>
    public TimeSpan Reserve(RateFamily family)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (!_families.TryGetValue(family, out var state) || state.Reset + ResetMargin <= now)
            {
                return TimeSpan.Zero;
            }

            var left = state.Reset + ResetMargin - now;
            var remaining = state.Remaining;
            state.Remaining--;
            if (remaining <= 0)
            {
                return left;
            }

            var reserve = Math.Max(2, state.Limit / 10);
            if (remaining > reserve)
            {
                return TimeSpan.Zero;
            }

            var pace = left / (remaining + 1);
            return pace < MaxPace ? pace : MaxPace;
        }
    }

    public void Update(RateFamily family, RateLimitHeaders headers)
    {
        if (headers is not { Remaining: { } remaining, Reset: { } reset })
        {
            return;
        }

        lock (_lock)
        {
            if (!_families.TryGetValue(family, out var state) || reset > state.Reset)
            {
                _families[family] = new State { Limit = headers.Limit ?? Math.Max(remaining, 1), Remaining = remaining, Reset = reset };
                return;
            }

            // Responses arrive out of order; the smallest remainder for the same window is the truest.
            state.Limit = headers.Limit ?? state.Limit;
            state.Remaining = Math.Min(state.Remaining, remaining);
        }
    }

    private sealed class State
    {
        public int Limit { get; set; }

        public int Remaining { get; set; }

        public DateTimeOffset Reset { get; set; }
    }
}
