namespace CampaignBot.Mastodon.Commands;

/// <summary>A reply decided but maybe not yet posted; kept in the store so a restart posts it (same idempotency key).</summary>
internal sealed record PendingReply(string NotificationId, string InReplyToId, string Status, string Visibility);
