using System.Net;
using System.Text.RegularExpressions;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Boost;

// The #nobot / #noboost convention: authors put it in their bio or a profile field to ask bots to leave them alone.
// The bio and field values are HTML (the tag arrives as "#<span>nobot</span>"), so tags are stripped first.
internal static partial class ProfileText
{
    public static bool OptsOut(MastodonAccount account)
    {
        if (Says(account.Note))
        {
            return true;
        }

        foreach (var field in account.Fields)
        {
            if (Says(field.Name) || Says(field.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Says(string html) =>
        html.Contains("no", StringComparison.OrdinalIgnoreCase) && OptOutTag().IsMatch(WebUtility.HtmlDecode(Markup().Replace(html, "")));

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    // A whole hashtag: "#nobots" or "#noboosting" are other words.
    [GeneratedRegex(@"#no(?:bot|boost)(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OptOutTag();
}
