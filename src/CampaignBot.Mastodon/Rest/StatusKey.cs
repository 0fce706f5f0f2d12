namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// The one key a post is known by, wherever the bot sees it: its URI (the ActivityPub id, the same on every server
/// and over stream, poll and backfill alike), or its id where a server gives no URI. Hashtag counts, the boost
/// ledger and the mention ledger all key posts by it, so the three never disagree about whether two sightings are
/// the same post.
/// </summary>
public static class StatusKey
{
    /// <summary>The key of <paramref name="status"/> itself (for a boost, pass its original: see <see cref="MastodonStatus.Reblog"/>).</summary>
    public static string Of(MastodonStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return string.IsNullOrEmpty(status.Uri) ? status.Id : status.Uri;
    }
}
