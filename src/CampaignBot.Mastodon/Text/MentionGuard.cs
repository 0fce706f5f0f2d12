using System.Text.RegularExpressions;

namespace CampaignBot.Mastodon.Text;

/// <summary>
/// Keeps text the bot repeats (event titles, locations, announcements, echoed commands) from mentioning anyone:
/// a zero-width space after every <c>@</c> that starts a handle breaks Mastodon's mention parser while reading the same.
/// Only the handles the bot adds itself (the author of a command, the person a reminder is for) stay live.
/// </summary>
internal static partial class MentionGuard
{
    public const string Breaker = "\u200B";

    public static string Neutralise(string text) => Handle().Replace(text, "@" + Breaker);

    [GeneratedRegex(@"@(?=[\p{L}\p{N}_])", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
