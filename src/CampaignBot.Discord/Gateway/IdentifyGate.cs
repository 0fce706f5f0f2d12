using CampaignBot.Discord.Json;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord.Gateway;

/// <summary>
/// Paces IDENTIFY across shards: <c>max_concurrency</c> buckets (shard id modulo it), one identify per bucket per
/// interval, and never beyond <c>session_start_limit.remaining</c> — past it the gate waits for the reset rather than
/// burning the daily budget (which would reset the token).
/// </summary>
// SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used, and these live as long as the process.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim without a wait handle needs no disposal.")]
internal sealed class IdentifyGate(GatewayTimings timings, TimeProvider clock, ILogger<IdentifyGate> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, SemaphoreSlim> _buckets = [];
    private readonly Dictionary<int, long> _last = [];
    private int _maxConcurrency = 1;
    private int _remaining = int.MaxValue;
    private long _resetAt;

    public int Remaining => _remaining;

    public void Configure(SessionStartLimit limit)
    {
        lock (_lock)
        {
            _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            _remaining = limit.Remaining;
            _resetAt = clock.GetTimestamp() + (long)(limit.ResetAfter / 1000.0 * clock.TimestampFrequency);
        }
    }

    public async Task WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        SemaphoreSlim bucket;
        int key;
        lock (_lock)
        {
            key = shardId % _maxConcurrency;
            if (!_buckets.TryGetValue(key, out bucket!))
            {
                bucket = _buckets[key] = new SemaphoreSlim(1, 1);
            }
        }

        await bucket.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (WaitForBudget() is { } budgetWait)
            {
                Log.IdentifyBudgetExhausted(logger, budgetWait);
                await Task.Delay(budgetWait, clock, cancellationToken).ConfigureAwait(false);
                lock (_lock)
                {
                    _remaining = Math.Max(_remaining, 1);
                }
            }

            if (_last.TryGetValue(key, out var last) && timings.IdentifyInterval - clock.GetElapsedTime(last) is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            lock (_lock)
            {
                _remaining--;
                _last[key] = clock.GetTimestamp();
            }
        }
        finally
        {
            bucket.Release();
        }
    }

    private TimeSpan? WaitForBudget()
    {
        lock (_lock)
        {
            if (_remaining > 0)
            {
                return null;
            }

            var left = TimeSpan.FromSeconds((double)(_resetAt - clock.GetTimestamp()) / clock.TimestampFrequency);
            return left > TimeSpan.Zero ? left : null;
        }
    }
}
