namespace CampaignBot.Core.Mentions;

/// <summary>A reply to the status <paramref name="StatusKey"/> that was decided but not yet posted in full.</summary>
public sealed record PendingMentionReply(string StatusKey, string StatusId, string Reply);
