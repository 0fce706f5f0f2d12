namespace CampaignBot.Mastodon.Streaming;

/// <summary>What a streaming connection needs from the runner.</summary>
internal sealed record StreamContext(
    Uri StreamingBase,
    string Token,
    StreamDispatcher Dispatcher,
    TagSubscriptions Subscriptions,
    Func<CancellationToken, Task<IReadOnlyList<string>>> ReadTags,
    Func<IReadOnlyList<string>, Task> Connected,
    TimeSpan TagRefreshInterval);
