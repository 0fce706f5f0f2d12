using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CampaignBot.Web;

/// <summary>
/// Keeps a rendered answer for <c>Web:CacheSeconds</c>, so that 200 clients polling at once cost one read of the
/// store instead of 200 (the scheduler shares the store and the cores). Callers racing past an expiry may each
/// render; the last one stored wins, which is harmless for answers that only depend on the store.
/// </summary>
internal sealed class ShortCache<T>(IOptions<WebOptions> options, TimeProvider clock)
    where T : class
{
    private readonly ConcurrentDictionary<string, (T Value, long At)> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = options.Value.CacheFor;

    public async Task<T> GetAsync(string key, Func<T?, Task<T>> render)
    {
        var found = _entries.TryGetValue(key, out var entry);
        if (found && _lifetime > TimeSpan.Zero && clock.GetElapsedTime(entry.At) < _lifetime)
        {
            return entry.Value;
        }

        var value = await render(found ? entry.Value : null).ConfigureAwait(false);
        _entries[key] = (value, clock.GetTimestamp());
        return value;
    }
}
