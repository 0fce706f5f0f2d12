namespace CampaignBot.Adapters;

/// <summary>Capped exponential backoff with jitter (half fixed, half random) for reconnecting.</summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 30)));
        _failures++;
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    public void Reset() => _failures = 0;
}
