namespace CampaignBot.Core.Boosting;

/// <summary>What became of a claimed boost.</summary>
/// <param name="State"><see cref="BoostState.Boosted"/>, <see cref="BoostState.Refused"/>, <see cref="BoostState.RateLimited"/> or
/// <see cref="BoostState.Failed"/>; or <see cref="BoostState.Skipped"/> (with <see cref="BoostSkipReason.GaveUp"/>) for one that waited too long.</param>
/// <param name="At">When it was learnt.</param>
/// <param name="Attempted">Whether a reblog request was made (a boost held back by a rate limit makes none).</param>
/// <param name="Error">What went wrong, for <c>boost status</c> and the logs.</param>
/// <param name="Reason">The reason when <paramref name="State"/> is skipped.</param>
public sealed record BoostOutcome(BoostState State, DateTimeOffset At, bool Attempted, string? Error = null, BoostSkipReason? Reason = null);
