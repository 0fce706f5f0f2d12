namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// Puts a page in the order things happened without ever comparing ids (they are opaque: on some servers they are
/// hex strings that don't sort by age). Pages come newest first, <c>min_id</c> pages included; a server that answers
/// oldest first is recognised by <c>created_at</c>.
/// </summary>
internal static class PageOrder
{
    /// <summary>
    /// The page oldest first, without the cursor and anything before it should the server have included them (one
    /// that ignores <c>min_id</c> answers with its newest page again).
    /// </summary>
    public static List<T> NewerThan<T>(IReadOnlyList<T> page, string? cursor, Func<T, string> id, Func<T, DateTimeOffset> createdAt)
    {
        var items = new List<T>(page);
        if (items.Count > 1 && createdAt(items[0]) >= createdAt(items[^1]))
        {
            items.Reverse();
        }

        if (cursor is not null)
        {
            var at = items.FindLastIndex(item => id(item) == cursor);
            if (at >= 0)
            {
                items.RemoveRange(0, at + 1);
            }
        }

        return items;
    }
}
