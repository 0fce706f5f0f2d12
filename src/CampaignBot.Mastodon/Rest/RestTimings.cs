namespace CampaignBot.Mastodon.Rest;

/// <summary>The REST client's waits (from <see cref="MastodonOptions"/>; short in tests).</summary>
internal sealed record RestTimings(TimeSpan RetryDelay, TimeSpan MaxRateLimitWait);
