using System.Text.RegularExpressions;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Text;

namespace CampaignBot.Mastodon.Mentions;

/// <summary>
/// Whether a status addresses the bot. Servers disagree on <c>mentions[]</c> (snac leaves the viewing account out),
/// so the status also counts when its HTML links to the bot's own profile (<c>url</c> or <c>uri</c>) or its text
/// names the bot's handle in any spelling (<c>@bot</c>, <c>@bot@host</c>, <c>@bot@host:port</c>).
/// </summary>
internal static partial class MentionCheck
{
    public static bool AddressesBot(MastodonStatus status, MastodonAccount me, IReadOnlyList<string> localHosts)
    {
        if (status.Mentions.Any(m => m.Id == me.Id || Handles.Same(m.Acct, me.Acct, localHosts)))
        {
            return true;
        }

        var profiles = new[] { me.Url, me.Uri }.OfType<string>().Where(u => u.Length > 0).Select(Normalise).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (Href().Matches(status.Content).Any(m => profiles.Contains(Normalise(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)))))
        {
            return true;
        }

        return HtmlText.ToText(status.Content)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.StartsWith('@') && Handles.Same(word.TrimEnd(',', ':', '.', '!', ';'), me.Acct, localHosts));
    }

    private static string Normalise(string url) => url.Trim().TrimEnd('/');

    [GeneratedRegex("""href\s*=\s*["']([^"']+)["']""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
