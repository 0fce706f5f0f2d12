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
}
