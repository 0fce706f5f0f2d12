namespace CampaignBot.Discord.Json;

internal sealed record ScheduledEventLocation(string Location);
