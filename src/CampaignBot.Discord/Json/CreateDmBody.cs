namespace CampaignBot.Discord.Json;

internal sealed record CreateDmBody(string RecipientId);
