namespace CampaignBot.Discord.Json;

/// <summary>The one field we read back from created messages and channels.</summary>
internal sealed record IdOnly(string Id);
