namespace CampaignBot.Mastodon.Rest;

/// <summary>A successful response's body and its pagination links.</summary>
internal sealed record RestResponse(byte[] Body, Uri? Next, Uri? Prev);
