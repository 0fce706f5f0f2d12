using System.Net;
using System.Text;

namespace CampaignBot.Mastodon.Text;

/// <summary>
/// Mastodon's sanitised status HTML to one line of plain text: tags stripped (paragraphs and line breaks become
/// spaces), entities decoded, whitespace collapsed. Tolerates markup other servers emit, including broken markup:
/// a <c>&lt;</c> that never closes is kept as text.
/// </summary>
internal static class HtmlText
{
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }

            var close = html.IndexOf('>', i + 1);
            if (close < 0 || !LooksLikeTag(html, i + 1))
            {
                text.Append(c);
                i++;
                continue;
            }

            if (IsBreak(html.AsSpan(i + 1, close - i - 1)))
            {
                text.Append(' ');
            }

            i = close + 1;
        }

        return Collapse(WebUtility.HtmlDecode(text.ToString()));
    }

    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }

    private static bool LooksLikeTag(string html, int at) =>
        at < html.Length && (char.IsAsciiLetter(html[at]) || html[at] is '/' or '!');

    private static bool IsBreak(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        var end = 0;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }

        var name = tag[..end];
        return name.Equals("br", StringComparison.OrdinalIgnoreCase)
            || name.Equals("p", StringComparison.OrdinalIgnoreCase)
            || name.Equals("div", StringComparison.OrdinalIgnoreCase)
            || name.Equals("li", StringComparison.OrdinalIgnoreCase)
            || name.Equals("blockquote", StringComparison.OrdinalIgnoreCase);
    }
}
