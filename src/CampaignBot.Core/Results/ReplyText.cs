using System.Text;
using CampaignBot.Core.Time;

namespace CampaignBot.Core.Results;

/// <summary>Plain-text rendering shared by the shell and Mastodon.</summary>
public static class ReplyText
{
    // Rendering runs once per send, a thousand times at a busy instant: one builder per thread is reused (as the BCL's
    // own StringBuilderCache does), so a reply costs its string and nothing else. A builder grown past this is dropped.
    private const int CachedCapacity = 4096;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    public static string Render(Reply reply, TimeProvider clock) => Render(reply, clock, prefix: null);

    /// <summary>The reply's text after <paramref name="prefix"/>, in one string (the shell's <c>[destination] </c>).</summary>
    public static string Render(Reply reply, TimeProvider clock, string? prefix)
    {
        var text = t_cached ?? new StringBuilder(CachedCapacity);
        t_cached = null;
        text.Append(prefix);
        if (reply.Title is { Length: > 0 })
        {
            text.AppendLine(reply.Title);
        }

        foreach (var line in reply.Lines)
        {
            foreach (var fragment in line)
            {
                Append(text, fragment, clock);
            }

            text.AppendLine();
        }

        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var rendered = text.ToString(0, end);
        if (text.Capacity <= CachedCapacity)
        {
            t_cached = text.Clear();
        }

        return rendered;
    }

    private static void Append(StringBuilder text, Fragment fragment, TimeProvider clock)
    {
        switch (fragment)
        {
            case TextFragment t:
                text.Append(t.Text);
                break;
            case TimeFragment { Relative: true } t:
                TimeText.AppendFormatted(text, t.Instant, t.TimeZoneId);
                text.Append(" (").Append(TimeText.Relative(t.Instant, clock.GetUtcNow())).Append(')');
                break;
            case TimeFragment t:
                TimeText.AppendFormatted(text, t.Instant, t.TimeZoneId);
                break;
        }
    }
}
