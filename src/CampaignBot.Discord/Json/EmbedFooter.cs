namespace CampaignBot.Discord.Json;

internal sealed record EmbedFooter(string Text);
