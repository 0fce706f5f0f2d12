namespace CampaignBot.Mastodon.Streaming;

/// <summary>How a streaming connection ended: the server has no such stream (fall back), or it dropped (reconnect).</summary>
internal sealed record StreamOutcome(bool Unsupported, string Reason, bool WasConnected)
{
    public static StreamOutcome NotAvailable(string reason) => new(true, reason, false);

    public static StreamOutcome Dropped(string reason, bool wasConnected) => new(false, reason, wasConnected);
}
