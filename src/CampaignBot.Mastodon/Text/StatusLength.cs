using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CampaignBot.Mastodon.Text;

/// <summary>
/// Mastodon's character count: every URL counts as 23 characters (the instance's <c>characters_reserved_per_url</c>),
/// a remote mention counts only its <c>@user</c> part, and the rest counts by code point (never fewer than the grapheme
/// clusters newer servers count, so a fitted post is never refused).
/// </summary>
internal static partial class StatusLength
{
    public const char Ellipsis = '…';

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

    /// <summary>Cuts <paramref name="text"/> (at a word boundary where possible) so it counts at most <paramref name="max"/>.</summary>
    public static string Truncate(string text, int max, int urlLength = 23)
    {
        if (Count(text, urlLength) <= max)
        {
            return text;
        }

        if (max <= 1)
        {
            return max == 1 ? Ellipsis.ToString() : string.Empty;
        }

        // Binary search on the text-element prefix; counting is cheap next to a network call.
        var elements = StringInfo.ParseCombiningCharacters(text);
        int low = 0, high = elements.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            var candidate = Prefix(text, elements, mid);
            if (Count(candidate + Ellipsis, urlLength) <= max)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var cut = Prefix(text, elements, low);
        var space = cut.LastIndexOfAny([' ', '\n']);
        if (space > cut.Length * 3 / 4)
        {
            cut = cut[..space];
        }

        return new StringBuilder(cut.TrimEnd()).Append(Ellipsis).ToString();
    }

    private static string Prefix(string text, int[] elements, int count) =>
        count >= elements.Length ? text : text[..elements[count]];

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w/=])@([\w.-]+)@[\w.-]+[\w]", RegexOptions.CultureInvariant)]
    private static partial Regex RemoteMention();
}
