using System.Collections.Concurrent;
using CampaignBot.Core.Background;

namespace CampaignBot.Discord.Rest;

/// <summary>
/// Discord's REST limits: per-route buckets learned from <c>X-RateLimit-Bucket</c> and keyed with the major
/// parameter, one request in flight for a route whose bucket is not known yet, and the global limit.
/// </summary>
internal sealed class RestRateLimiter(TimeProvider clock, BackgroundWork work, int globalPerSecond = 50)
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);

    public GlobalRateLimiter Global { get; } = new(globalPerSecond, work, clock);

    public async ValueTask<RateLimitLease> AcquireAsync(RestRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var key = BucketKey(route);
            var bucket = _buckets.GetOrAdd(key, _ => new RateLimitBucket(clock));
            var held = await bucket.AcquireAsync(cancellationToken).ConfigureAwait(false);
            if (held && BucketKey(route) != key)
            {
                // The route's bucket was learned while we queued behind the first request: use the real one.
                bucket.Release(held);
                continue;
            }

            if (route.Global)
            {
                try
                {
                    await Global.AcquireAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    bucket.Release(held);
                    throw;
                }
            }

            return new RateLimitLease(route, key, bucket, held);
        }
    }

    /// <summary>A response arrived: learn the bucket from its headers and apply any 429.</summary>
    public void Complete(RateLimitLease lease, RateLimitHeaders headers, int status, TimeSpan? retryAfter)
    {
        var bucket = lease.Bucket;
        if (headers.Bucket is { } hash)
        {
            _hashes[lease.Route.Key] = hash;
            var learned = _buckets.GetOrAdd($"{hash}:{lease.Route.Major}", _ => new RateLimitBucket(clock));
            if (!ReferenceEquals(learned, bucket))
            {
                learned.Update(headers, heldGate: false);
                bucket.Release(lease.HeldGate);
                bucket = learned;
            }
            else
            {
                bucket.Update(headers, lease.HeldGate);
            }
        }
        else
        {
            bucket.Update(headers, lease.HeldGate);
        }

        if (status == 429 && (retryAfter ?? headers.RetryAfter) is { } wait)
        {
            if (headers.Global || string.Equals(headers.Scope, "global", StringComparison.OrdinalIgnoreCase))
            {
                Global.PauseFor(wait);
            }
            else
            {
                bucket.PauseFor(wait);
            }
        }

        if (lease.Route.Global)
        {
            Global.Release();
        }
    }

    /// <summary>The request never got an answer (network failure, cancellation).</summary>
    public void Abandon(RateLimitLease lease)
    {
        lease.Bucket.Release(lease.HeldGate);
        if (lease.Route.Global)
        {
            Global.Release();
        }
    }

    private string BucketKey(RestRoute route) =>
        _hashes.TryGetValue(route.Key, out var hash) ? $"{hash}:{route.Major}" : $"route {route.Key}:{route.Major}";
}
