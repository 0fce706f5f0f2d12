namespace CampaignBot.Discord.Json;

internal sealed record EmbedField(string Name, string Value, bool? Inline = null);
