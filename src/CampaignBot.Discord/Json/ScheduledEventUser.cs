namespace CampaignBot.Discord.Json;

/// <summary>One entry of a scheduled event's users listing (only the user's id is read).</summary>
internal sealed record ScheduledEventUser(IdOnly User);
