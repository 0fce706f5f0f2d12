using CampaignBot.Mastodon.Text;

namespace CampaignBot.Mastodon.Mentions;

/// <summary>
/// The command in a mention: the status HTML as text, from the words after the bot's handle (or, where the markup
/// hides it, after the leading handles), e.g. <c>@campaignbot rsvp 3 going</c> → <c>rsvp 3 going</c>.
/// </summary>
internal static class MentionText
{
    public static string Command(string html, string botAcct, IReadOnlyList<string> localHosts)
    {
        var words = HtmlText.ToText(html).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(words, word => word.StartsWith('@') && Handles.Same(word.TrimEnd(',', ':', '.', '!', ';'), botAcct, localHosts));
        var rest = words.Skip(start + 1).SkipWhile(word => word.StartsWith('@') && word.Length > 1);
        return string.Join(' ', rest);
    }
}
