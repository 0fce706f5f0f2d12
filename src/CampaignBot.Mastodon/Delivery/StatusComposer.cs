using CampaignBot.Mastodon.Text;

namespace CampaignBot.Mastodon.Delivery;

/// <summary>
/// Builds status text that fits the instance's limit: an optional live handle first (the only mention the bot means),
/// the body with every other handle neutralised, then hashtags not already in the body. The content warning counts
/// toward the limit as Mastodon counts it. A body too long for one status becomes a thread, split at line boundaries
/// (words only within a line longer than a status) and numbered <c>1/3</c>, <c>2/3</c>…: never cut short. The
/// handle is repeated on every part only when asked (a direct reply is seen only by those it mentions).
/// </summary>
internal static class StatusComposer
{
    // Room kept on each part of a thread for its number ("\n\n12/12").
    private const int NumberRoom = 8;

    public static IReadOnlyList<string> Compose(string? handle, string body, IReadOnlyList<string> hashtags, string? contentWarning, int maxCharacters, int urlLength, bool handleOnEveryPart = false)
    {
        var prefix = handle is { Length: > 0 } ? $"@{handle.TrimStart('@')} " : string.Empty;
        var text = MentionGuard.Neutralise(body.Trim());
        var tags = string.Join(' ', hashtags
            .Where(tag => tag.Length > 0 && !text.Contains('#' + tag, StringComparison.OrdinalIgnoreCase))
            .Select(tag => '#' + tag.TrimStart('#')));
        var suffix = tags.Length > 0 ? "\n\n" + tags : string.Empty;
        var budget = maxCharacters - (contentWarning is { Length: > 0 } cw ? StatusLength.Count(cw, urlLength) : 0);
        if (StatusLength.Count(prefix + text + suffix, urlLength) <= budget)
        {
            return [prefix + text + suffix];
        }

        var laterPrefix = handleOnEveryPart ? prefix : string.Empty;
        var first = budget - StatusLength.Count(prefix, urlLength) - NumberRoom - StatusLength.Count(suffix, urlLength);
        if (first < Math.Min(40, budget / 2))
        {
            // The hashtags only go where they leave room for the words.
            suffix = string.Empty;
            first = budget - StatusLength.Count(prefix, urlLength) - NumberRoom;
        }

        var later = budget - StatusLength.Count(laterPrefix, urlLength) - NumberRoom;
        var chunks = ThreadSplit.Split(text, Math.Max(first, 1), Math.Max(later, 1), urlLength);
        return [.. chunks.Select((chunk, i) => $"{(i == 0 ? prefix : laterPrefix)}{chunk}{(i == 0 ? suffix : string.Empty)}\n\n{i + 1}/{chunks.Count}")];
    }
}
