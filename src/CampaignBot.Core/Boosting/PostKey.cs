namespace CampaignBot.Core.Boosting;

/// <summary>
/// How the ledger finds a post's decision: its key (see <see cref="BoostDecision.StatusKey"/>) and when it was posted.
/// A post's time of posting never changes, and decisions are stored in that order, so a flood of new posts appends to
/// the ledger rather than scattering across it.
/// </summary>
public readonly record struct PostKey(string StatusKey, DateTimeOffset PostedAt);
