using System.Text;
using CampaignBot.Core.Time;

namespace CampaignBot.Core.Results;

/// <summary>Plain-text rendering shared by the shell and Mastodon.</summary>
public static class ReplyText
{
    public static string Render(Reply reply, TimeProvider clock)
    {
        var text = new StringBuilder();
        if (reply.Title is { Length: > 0 })
        {
            text.AppendLine(reply.Title);
        }

        foreach (var line in reply.Lines)
        {
            foreach (var fragment in line)
            {
                text.Append(Render(fragment, clock));
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    public static string Render(Fragment fragment, TimeProvider clock) => fragment switch
    {
        TextFragment t => t.Text,
        TimeFragment { Relative: true } t => $"{TimeText.Format(t.Instant, t.TimeZoneId)} ({TimeText.Relative(t.Instant, clock.GetUtcNow())})",
        TimeFragment t => TimeText.Format(t.Instant, t.TimeZoneId),
        _ => string.Empty,
    };
}
