namespace CampaignBot.Benchmarks.Mastodon;

/// <summary>
/// The system clock, moved forward on demand: each benchmark post comes a simulated minute after the last, so the
/// hourly cap sees a realistic window of earlier boosts (up to 59) without tripping, while timers and stopwatches stay real.
/// </summary>
internal sealed class BoostLatencyClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}
