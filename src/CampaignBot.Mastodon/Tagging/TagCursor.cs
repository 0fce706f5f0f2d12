using System.Globalization;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// The stored forms of how far a tag's timeline has been read. The forward cursor is a status id, or a marker saying
/// the timeline was empty when tracking began (then everything that appears on it later is new, however much arrives
/// before the next poll). The backward read owed after such a burst is the instant tracking began and the
/// <c>max_id</c> to go on from. Ids are opaque: they are stored and sent back, never parsed.
/// </summary>
internal static class TagCursor
{
    private const string EmptyPrefix = "(empty since ";

    public static string Empty(DateTimeOffset since) => $"{EmptyPrefix}{Instant(since)})";

    public static bool IsEmpty(string cursor, out DateTimeOffset since)
    {
        since = default;
        return cursor.StartsWith(EmptyPrefix, StringComparison.Ordinal) && cursor.EndsWith(')')
            && TryInstant(cursor[EmptyPrefix.Length..^1], out since);
    }

    public static string Backfill(DateTimeOffset since, string maxId) => $"{Instant(since)}|{maxId}";

    public static bool TryBackfill(string? value, out DateTimeOffset since, out string maxId)
    {
        since = default;
        maxId = string.Empty;
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar <= 0 || bar == value!.Length - 1 || !TryInstant(value[..bar], out since))
        {
            return false;
        }

        maxId = value[(bar + 1)..];
        return true;
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static bool TryInstant(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
