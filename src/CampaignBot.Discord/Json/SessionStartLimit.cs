namespace CampaignBot.Discord.Json;

/// <summary>The IDENTIFY budget: <see cref="ResetAfter"/> in milliseconds.</summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
