using System.Text;
using CampaignBot.Mastodon.Text;

namespace CampaignBot.Mastodon.Delivery;

/// <summary>
/// Builds status text that fits the instance's limit: an optional live handle first (the only mention the bot means),
/// the body with every other handle neutralised, then hashtags not already in the body. The content warning counts
/// toward the limit as Mastodon counts it; the body is cut with an ellipsis, hashtags dropped only if nothing else fits.
/// </summary>
internal static class StatusComposer
{
    public static string Compose(string? handle, string body, IReadOnlyList<string> hashtags, string? contentWarning, int maxCharacters, int urlLength)
    {
        var prefix = handle is { Length: > 0 } ? $"@{handle.TrimStart('@')} " : string.Empty;
        var text = MentionGuard.Neutralise(body.Trim());
        var tags = string.Join(' ', hashtags
            .Where(tag => tag.Length > 0 && !text.Contains('#' + tag, StringComparison.OrdinalIgnoreCase))
            .Select(tag => '#' + tag.TrimStart('#')));
        var suffix = tags.Length > 0 ? "\n\n" + tags : string.Empty;
        var budget = maxCharacters - (contentWarning is { Length: > 0 } cw ? StatusLength.Count(cw, urlLength) : 0);
        var room = budget - StatusLength.Count(prefix, urlLength) - StatusLength.Count(suffix, urlLength);
        if (room < Math.Min(40, budget / 2))
        {
            suffix = string.Empty;
            room = budget - StatusLength.Count(prefix, urlLength);
        }

        return new StringBuilder(prefix).Append(StatusLength.Truncate(text, Math.Max(room, 1), urlLength)).Append(suffix).ToString();
    }
}
