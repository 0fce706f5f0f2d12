namespace CampaignBot.Mastodon.Streaming;

/// <summary>The HTTP client for server-sent events: no overall timeout, since an event stream stays open.</summary>
internal sealed class StreamingHttp(HttpClient client)
{
    public HttpClient Client => client;
}
