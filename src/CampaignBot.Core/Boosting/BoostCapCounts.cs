namespace CampaignBot.Core.Boosting;

/// <summary>Boosts decided in the caps' windows: all of them, and those of each author asked about (absent: none).</summary>
public sealed record BoostCapCounts(int Total, IReadOnlyDictionary<string, int> ByAuthor);
