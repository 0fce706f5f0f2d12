namespace CampaignBot.Discord.Json;

internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);
