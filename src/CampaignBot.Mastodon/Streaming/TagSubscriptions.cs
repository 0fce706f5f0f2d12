namespace CampaignBot.Mastodon.Streaming;

/// <summary>The tracked hashtags as last read, shared by the stream (subscriptions) and the dispatcher (counting).</summary>
internal sealed class TagSubscriptions
{
    private volatile IReadOnlyList<string> _tags = [];

    public IReadOnlyList<string> Tags => _tags;

    public void Set(IReadOnlyList<string> tags) => _tags = tags;
}
