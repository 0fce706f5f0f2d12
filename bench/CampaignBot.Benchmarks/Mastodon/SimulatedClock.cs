namespace CampaignBot.Benchmarks.Mastodon;

/// <summary>Simulated time for the polling benchmark: it stands still until moved (timers stay real, and none are waited on).</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
