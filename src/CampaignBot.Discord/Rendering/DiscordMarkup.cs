using CampaignBot.Core.Results;

namespace CampaignBot.Discord.Rendering;

/// <summary>Reply fragments in Discord's markup: instants as <c>&lt;t:unix:F&gt;</c>, text with mass mentions defused.</summary>
internal static class DiscordMarkup
{
    public static string Render(Fragment fragment) => fragment switch
    {
        TextFragment text => Defuse(text.Text),
        TimeFragment { Relative: true } time => $"<t:{time.Instant.ToUnixTimeSeconds()}:F> (<t:{time.Instant.ToUnixTimeSeconds()}:R>)",
        TimeFragment time => $"<t:{time.Instant.ToUnixTimeSeconds()}:F>",
        _ => string.Empty,
    };

    public static string Line(IReadOnlyList<Fragment> fragments) => fragments.Count == 1 ? Render(fragments[0]) : string.Concat(fragments.Select(Render));

    /// <summary>
    /// Users' text never pings everyone: allowed_mentions already forbids it, and a zero-width space after the @ keeps
    /// the text harmless even where it is quoted elsewhere.
    /// </summary>
    public static string Defuse(string text) =>
        text.Contains('@', StringComparison.Ordinal)
            ? text.Replace("@everyone", "@\u200Beveryone", StringComparison.OrdinalIgnoreCase).Replace("@here", "@\u200Bhere", StringComparison.OrdinalIgnoreCase)
            : text;
}
