using System.Globalization;
using System.Text;
using CampaignBot.Core.Results;

namespace CampaignBot.Core.Text;

/// <summary>
/// The one cleaning every typed value gets on its way in, whatever the surface (shell line, Discord option, Mastodon
/// mention), before it is stored or echoed:
/// <list type="bullet">
/// <item>Control characters (C0 other than tab and line breaks, DEL, C1 — terminal escape sequences among them) are
/// refused with an error naming the character: they have no visible meaning and could recolour a terminal.</item>
/// <item>Line breaks (CR LF, CR, U+2028/U+2029) become LF; tab is kept. Both are allowed in multi-line values
/// (description, announcement text, cancel reason); in single-line ones (titles, places…) they become a space.</item>
/// <item>Bidi controls (embeddings, overrides, isolates, direction marks) and invisible zero-width characters are
/// removed, so nothing can reverse or hide part of a title in a list; a zero-width joiner stays only between two
/// emoji (👩‍⚕️) and a zero-width non-joiner only between two letters of a script that needs it.</item>
/// </list>
/// </summary>
public static class UserText
{
    /// <summary>The value cleaned as above, or an error for a control character.</summary>
    public static Result<string> Clean(string value, string name, bool multiLine)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var at = i;
            string? replacement;
            switch (c)
            {
                case '\r':
                    replacement = multiLine ? "\n" : " ";
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\u2028' or '\u2029':
                    replacement = multiLine ? "\n" : " ";
                    break;
                case '\t':
                    replacement = multiLine ? "\t" : " ";
                    break;
                case < ' ' or (>= '\u007F' and <= '\u009F'):
                    return Error.BadInput(
                        $"{name} contains a control character (U+{(int)c:X4}), which can't be shown.",
                        "Type plain text: letters, digits, punctuation, emoji and (in longer texts) line breaks.");
                case '\u200D':
                    replacement = IsEmojiAt(value, i - 1, before: true) && IsEmojiAt(value, i + 1, before: false) ? null : string.Empty;
                    break;
                case '\u200C':
                    replacement = i > 0 && i + 1 < value.Length && char.IsLetter(value[i - 1]) && char.IsLetter(value[i + 1]) && value[i - 1] > '\u024F' ? null : string.Empty;
                    break;
                default:
                    replacement = IsInvisible(c) ? string.Empty : null;
                    break;
            }

            if (replacement is null)
            {
                cleaned?.Append(c);
                continue;
            }

            cleaned ??= new StringBuilder(value, 0, at, value.Length);
            cleaned.Append(replacement);
        }

        return cleaned?.ToString() ?? value;
    }

    /// <summary>
    /// A name the platform gave us (a display name), cleaned like a single-line value but never refused: control
    /// characters are dropped, since the person can't retype it for us.
    /// </summary>
    public static string Name(string value)
    {
        var visible = value.Any(c => c < ' ' || c is (>= '\u007F' and <= '\u009F'))
            ? string.Concat(value.Select(c => c is '\t' or '\n' or '\r' ? ' ' : c).Where(c => c >= ' ' && c is not (>= '\u007F' and <= '\u009F')))
            : value;
        return Clean(visible, "A name", multiLine: false).TryGet(out var clean, out _) ? clean : string.Empty;
    }

    /// <summary>
    /// A value safe to quote back in an error before it has been cleaned (a command or option name): control and
    /// invisible characters show as <c>?</c>.
    /// </summary>
    public static string Shown(string value) =>
        value.Any(IsHidden) ? string.Concat(value.Select(c => IsHidden(c) ? '?' : c)) : value;

    private static bool IsHidden(char c) =>
        c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u200C' or '\u200D' or '\u2028' or '\u2029' || IsInvisible(c);

    // Bidi embeddings, overrides and isolates, direction marks, and characters that show nothing and join nothing.
    private static bool IsInvisible(char c) => c is
        (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
        or '\u200B' or '\u2060' or '\uFEFF' or '\u180E' or (>= '\u2061' and <= '\u2064') or '\u206A' or '\u206B'
        or '\u206C' or '\u206D' or '\u206E' or '\u206F';

    // An emoji (a pictograph outside the BMP, a BMP symbol, or one ending in a variation selector) next to position i.
    private static bool IsEmojiAt(string value, int i, bool before)
    {
        if (i < 0 || i >= value.Length)
        {
            return false;
        }

        if (before && value[i] == '\uFE0F')
        {
            i--;
            if (i < 0)
            {
                return false;
            }
        }

        if (char.IsSurrogate(value[i]))
        {
            var start = before && char.IsLowSurrogate(value[i]) ? i - 1 : i;
            return start >= 0 && char.IsSurrogatePair(value, start)
                && CharUnicodeInfo.GetUnicodeCategory(value, start) is UnicodeCategory.OtherSymbol;
        }

        return value[i] is (>= '\u2600' and <= '\u27BF') or (>= '\u2190' and <= '\u21FF') or (>= '\u2B00' and <= '\u2BFF');
    }
}
