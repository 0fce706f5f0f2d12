namespace CampaignBot.Discord.Json;

internal sealed record CommandChoice(string Name, string Value);
