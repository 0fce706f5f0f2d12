using System.Text.RegularExpressions;

namespace CampaignBot.Mastodon.Text;

/// <summary>
/// Mastodon's character count: every URL counts as 23 characters (the instance's <c>characters_reserved_per_url</c>),
/// a remote mention counts only its <c>@user</c> part, and the rest counts by code point (never fewer than the grapheme
/// clusters newer servers count, so a fitted post is never refused).
/// </summary>
internal static partial class StatusLength
{
    public static int Count(string text, int urlLength = 23)
    {
        var counted = Url().Replace(text, new string('x', urlLength));
        counted = RemoteMention().Replace(counted, "@$1");
        var length = 0;
        foreach (var _ in counted.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w/=])@([\w.-]+)@[\w.-]+[\w]", RegexOptions.CultureInvariant)]
    private static partial Regex RemoteMention();
}
