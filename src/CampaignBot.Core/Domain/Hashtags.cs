namespace CampaignBot.Core.Domain;

/// <summary>Hashtag normalisation: no leading '#', letters, digits and underscores only.</summary>
public static class Hashtags
{
    public const int MaxLength = 100;

    /// <summary>Strips a leading '#' and checks the characters; the case the user typed is kept for display.</summary>
    public static bool TryNormalise(string text, out string tag)
    {
        tag = text.Trim().TrimStart('#');
        if (tag.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return tag.Any(char.IsLetter);
    }

    /// <summary>Combines configured tags with stored changes: configured ∪ tracked − untracked, case-insensitively.</summary>
    public static IReadOnlyList<string> Effective(IEnumerable<string> configured, IEnumerable<HashtagChange> changes)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var latest = changes
            .GroupBy(change => change.Tag, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.MaxBy(change => change.ChangedAt)!, StringComparer.OrdinalIgnoreCase);

        foreach (var tag in configured.Concat(latest.Values.Where(c => c.Tracked).Select(c => c.Tag)))
        {
            if (latest.TryGetValue(tag, out var change) && !change.Tracked)
            {
                continue;
            }

            if (seen.Add(tag))
            {
                result.Add(tag);
            }
        }

        return result;
    }
}
