namespace CampaignBot.Discord.Json;

internal sealed record Embed(string? Title, string? Description, int? Color = null, IReadOnlyList<EmbedField>? Fields = null, EmbedFooter? Footer = null)
{
    public string Type => "rich";
}
