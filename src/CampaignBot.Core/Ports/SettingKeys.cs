namespace CampaignBot.Core.Ports;

/// <summary>Keys of campaign settings kept in the store (they override configuration once set).</summary>
public static class SettingKeys
{
    public const string CampaignName = "campaign.name";

    /// <summary>The campaign's one-paragraph description, from the seed file; shown on the public page.</summary>
    public const string CampaignDescription = "campaign.description";
    public const string TimeZone = "campaign.timezone";
    /// <summary>Random, made once: makes calendar UIDs unique to this campaign and stable across restarts.</summary>
    public const string CalendarId = "web.calendar-id";

    public const string SeededFrom = "campaign.seeded-from";
    public const string BoostPaused = "boost.paused";

    /// <summary>The last Mastodon notification the bot handled (mentions are answered once, across restarts).</summary>
    public const string MastodonNotificationsLastId = "mastodon.notifications.last-id";

    /// <summary>Prefix of the per-hashtag cursor (newest status id read from the tag timeline), e.g. <c>mastodon.tag.last-id.notsafenotfair</c>.</summary>
    public const string MastodonTagCursorPrefix = "mastodon.tag.last-id.";

    /// <summary>Prefix of the per-hashtag backward read still owed after a burst on a tag first seen empty (<c>max_id</c> to go on from).</summary>
    public const string MastodonTagBackfillPrefix = "mastodon.tag.backfill.";
}
