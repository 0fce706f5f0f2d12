using System.Collections.Concurrent;

namespace CampaignBot.Discord.Interactions;

/// <summary>
/// The interaction ids seen lately, so one delivered twice (a gateway replay, or the same interaction over both the
/// gateway and the HTTP endpoint) runs its command once: its second copy could not be answered anyway (Discord takes
/// one callback per interaction), but it would still create a second action. An interaction's token lives 15 minutes;
/// a copy arriving after that can do nothing, so ids are kept that long.
/// </summary>
internal sealed class RecentInteractions(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int SweepAbove = 256;

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    private long _nextSweepTicks;

    /// <summary>True the first time <paramref name="id"/> is seen within the window.</summary>
    public bool TryClaim(string id)
    {
        var now = clock.GetUtcNow();
        // At most one sweep a minute: a busy guild's thousands of ids must not be walked on every click.
        var nextSweep = Interlocked.Read(ref _nextSweepTicks);
        if (_seen.Count > SweepAbove && now.UtcTicks >= nextSweep && Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, nextSweep) == nextSweep)
        {
            foreach (var (seenId, at) in _seen)
            {
                if (now - at > Window)
                {
                    _seen.TryRemove(seenId, out _);
                }
            }
        }

        if (_seen.TryAdd(id, now))
        {
            return true;
        }

        // Seen before the window: a new claim (ids are snowflakes and never reused, so this is a very late copy).
        return _seen.TryGetValue(id, out var first) && now - first > Window && _seen.TryUpdate(id, now, first);
    }
}
