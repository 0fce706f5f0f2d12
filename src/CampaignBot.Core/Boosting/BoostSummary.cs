namespace CampaignBot.Core.Boosting;

/// <summary>What <c>boost status</c> shows: decisions by state, skips by reason, and the latest boost.</summary>
public sealed record BoostSummary(
    IReadOnlyDictionary<BoostState, int> ByState,
    IReadOnlyDictionary<BoostSkipReason, int> SkippedBy,
    BoostRecord? LastBoosted)
{
    public int this[BoostState state] => ByState.GetValueOrDefault(state);
}
