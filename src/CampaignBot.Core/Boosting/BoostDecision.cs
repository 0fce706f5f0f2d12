namespace CampaignBot.Core.Boosting;

/// <summary>
/// A first decision about a post, as <see cref="IBoostLedger.TryDecideAsync"/> stores it: either
/// <see cref="BoostState.Boosting"/> (claimed, about to be reblogged) or <see cref="BoostState.Skipped"/> with a reason.
/// </summary>
/// <param name="StatusKey">The original post's URI (its id where a server gives none): the same post seen through a
/// boost, the stream, a poll or after a restart has the same key.</param>
/// <param name="StatusId">The original's id on the bot's instance: what a (re)try reblogs.</param>
/// <param name="State"><see cref="BoostState.Boosting"/> or <see cref="BoostState.Skipped"/>.</param>
/// <param name="Reason">Why it was skipped; null for a boost.</param>
/// <param name="AuthorKey">The author's <c>user@domain</c>, lower-cased: what the per-author cap counts.</param>
/// <param name="PostedAt">When the original was posted: retries give up once it is too old.</param>
/// <param name="DecidedAt">When the decision was made: what the caps count from.</param>
public sealed record BoostDecision(
    string StatusKey,
    string StatusId,
    string AuthorKey,
    BoostState State,
    BoostSkipReason? Reason,
    DateTimeOffset PostedAt,
    DateTimeOffset DecidedAt)
{
    public static BoostDecision Boost(string statusKey, string statusId, string authorKey, DateTimeOffset postedAt, DateTimeOffset now) =>
        new(statusKey, statusId, authorKey, BoostState.Boosting, null, postedAt, now);

    public static BoostDecision Skip(string statusKey, string statusId, string authorKey, BoostSkipReason reason, DateTimeOffset postedAt, DateTimeOffset now) =>
        new(statusKey, statusId, authorKey, BoostState.Skipped, reason, postedAt, now);
}
