namespace CampaignBot.Core.Ports;

/// <summary>Keys of campaign settings kept in the store (they override configuration once set).</summary>
public static class SettingKeys
{
    public const string CampaignName = "campaign.name";
    public const string TimeZone = "campaign.timezone";
    public const string SeededFrom = "campaign.seeded-from";
    public const string BoostPaused = "boost.paused";
}
