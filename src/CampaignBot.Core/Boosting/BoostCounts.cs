namespace CampaignBot.Core.Boosting;

/// <summary>Boosts decided in the caps' windows: all of them, and one author's.</summary>
public readonly record struct BoostCounts(int Total, int Author);
