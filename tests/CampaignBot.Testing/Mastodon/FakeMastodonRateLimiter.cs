using System.Globalization;

namespace CampaignBot.Testing.Mastodon;

/// <summary>
/// Fixed windows like Mastodon's throttle: per token for the API, per account for statuses and boosts. Headers carry
/// <c>X-RateLimit-Reset</c> as an ISO timestamp with microseconds. Also serves injected 429s (with or without headers).
/// </summary>
internal sealed class FakeMastodonRateLimiter(FakeMastodonLimits limits, Func<TimeProvider> clock)
{
    private readonly Lock _lock = new();
    private (int Count, DateTimeOffset Reset) _api;
    private (int Count, DateTimeOffset Reset) _statuses;
    private int _injected;
    private bool _injectedWithHeaders;
    private int _tooMany;

    public int TooManyRequests => Volatile.Read(ref _tooMany);

    /// <summary>The peak share of the API budget used in any window so far (0–1).</summary>
    public double PeakApiUse { get; private set; }

    public void Inject(int count, bool withHeaders)
    {
        lock (_lock)
        {
            _injected += count;
            _injectedWithHeaders = withHeaders;
        }
    }

    /// <summary>True when the request may go ahead; the headers to send either way are added to <paramref name="headers"/>.</summary>
    public bool Admit(bool statusFamily, Dictionary<string, string> headers)
    {
        lock (_lock)
        {
            var now = clock().GetUtcNow();
            if (_api.Reset <= now)
            {
                _api = (0, now + limits.ApiWindow);
            }

            if (_statuses.Reset <= now)
            {
                _statuses = (0, now + limits.StatusWindow);
            }

            if (_injected > 0)
            {
                _injected--;
                _tooMany++;
                if (_injectedWithHeaders)
                {
                    Write(headers, limits.ApiLimit, 0, _api.Reset);
                }

                return false;
            }

            var admitted = _api.Count < limits.ApiLimit && (!statusFamily || _statuses.Count < limits.StatusLimit);
            if (admitted)
            {
                _api.Count++;
                if (statusFamily)
                {
                    _statuses.Count++;
                }

                PeakApiUse = Math.Max(PeakApiUse, (double)_api.Count / limits.ApiLimit);
            }
            else
            {
                _tooMany++;
            }

            var apiLeft = limits.ApiLimit - _api.Count;
            var statusLeft = limits.StatusLimit - _statuses.Count;
            if (statusFamily && statusLeft < apiLeft)
            {
                Write(headers, limits.StatusLimit, statusLeft, _statuses.Reset);
            }
            else
            {
                Write(headers, limits.ApiLimit, apiLeft, _api.Reset);
            }

            return admitted;
        }
    }

    private static void Write(Dictionary<string, string> headers, int limit, int remaining, DateTimeOffset reset)
    {
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }
}
