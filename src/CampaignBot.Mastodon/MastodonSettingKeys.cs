namespace CampaignBot.Mastodon;

/// <summary>The Mastodon adapter's own entries in the campaign's settings store (its cursors).</summary>
public static class MastodonSettingKeys
{
    /// <summary>The last Mastodon notification the bot handled (mentions are answered once, across restarts).</summary>
    public const string NotificationsLastId = "mastodon.notifications.last-id";

    /// <summary>Prefix of the per-hashtag cursor (newest status id read from the tag timeline), e.g. <c>mastodon.tag.last-id.notsafenotfair</c>.</summary>
    public const string TagCursorPrefix = "mastodon.tag.last-id.";

    /// <summary>Prefix of the per-hashtag backward read still owed after a burst on a tag first seen empty (<c>max_id</c> to go on from).</summary>
    public const string TagBackfillPrefix = "mastodon.tag.backfill.";
}
