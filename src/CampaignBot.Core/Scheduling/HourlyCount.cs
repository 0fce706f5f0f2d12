namespace CampaignBot.Core.Scheduling;

/// <summary>Unique posts with a hashtag in the hour starting at <see cref="Hour"/> (UTC).</summary>
public sealed record HourlyCount(DateTimeOffset Hour, int Mentions);
