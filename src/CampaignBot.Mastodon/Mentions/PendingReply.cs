namespace CampaignBot.Mastodon.Mentions;

/// <summary>
/// A reply decided but maybe not yet posted in full: kept in the mention ledger so a restart posts the rest (each part
/// under its own key, see <see cref="Delivery.StatusPoster"/>).
/// </summary>
internal sealed record PendingReply(string StatusKey, string InReplyToId, IReadOnlyList<string> Parts, string Visibility);
