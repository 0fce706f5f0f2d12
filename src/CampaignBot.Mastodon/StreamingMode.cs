namespace CampaignBot.Mastodon;

/// <summary>How the adapter hears about new mentions and tagged posts.</summary>
public enum StreamingMode
{
    /// <summary>Not decided yet (starting).</summary>
    None,

    /// <summary>One multiplexed WebSocket to <c>/api/v1/streaming</c>.</summary>
    WebSocket,

    /// <summary>Server-sent events, one HTTP stream per subscription.</summary>
    ServerSentEvents,

    /// <summary>No streaming on the server (or configured off): REST polling only.</summary>
    Polling,
}
