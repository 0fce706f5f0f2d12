namespace CampaignBot.Discord.Json;

/// <summary>The parts of a guild scheduled event the bot reads back.</summary>
internal sealed record ScheduledEventInfo(string Id, string? GuildId, string? CreatorId, string? Name, string? Description, int Status);
