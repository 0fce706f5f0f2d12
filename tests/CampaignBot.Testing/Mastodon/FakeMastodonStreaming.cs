namespace CampaignBot.Testing.Mastodon;

/// <summary>Which streaming endpoints the fake Mastodon offers.</summary>
public enum FakeMastodonStreaming
{
    /// <summary>WebSocket <c>/api/v1/streaming</c> and the SSE endpoints, like Mastodon.</summary>
    WebSocketAndSse,

    /// <summary>Only SSE: the WebSocket upgrade is answered 404.</summary>
    SseOnly,

    /// <summary>No streaming API at all (every streaming path is 404), like some servers that speak the API.</summary>
    None,
}
