namespace CampaignBot.Mastodon.Streaming;

/// <summary>A WebSocket control frame: <c>{"type":"subscribe","stream":"hashtag","tag":"NotSafeNotFair"}</c>.</summary>
internal sealed record SubscribeMessage(string Type, string Stream, string? Tag = null);
