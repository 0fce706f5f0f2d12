using System.Text;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// Hashtag names compared the way Mastodon's streaming server does: NFKC, then case-insensitively (statuses carry
/// tags lower-cased with accents kept, e.g. <c>qualitätskatzen</c>; people type <c>#NotSafeNotFair</c>).
/// </summary>
internal static class TagNames
{
    public static string Key(string tag) => tag.TrimStart('#').Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The tracked tags (as configured) that <paramref name="status"/> really carries in <c>tags[]</c>.</summary>
    public static IEnumerable<string> Matching(Rest.MastodonStatus status, IReadOnlyList<string> tracked)
    {
        foreach (var tag in tracked)
        {
            var key = Key(tag);
            foreach (var carried in status.Tags)
            {
                if (Key(carried.Name) == key)
                {
                    yield return tag;
                    break;
                }
            }
        }
    }
}
