namespace CampaignBot.Discord;

/// <summary>Discord ids: unsigned 64-bit integers carried as decimal strings.</summary>
internal static class Snowflake
{
    public static bool IsValid(string? text) =>
        text is { Length: > 0 and <= 20 } && text.All(char.IsAsciiDigit) && ulong.TryParse(text, out var value) && value > 0;
}
