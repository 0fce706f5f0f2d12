namespace CampaignBot.Core.Options;

/// <summary>The <c>Campaign</c> configuration section.</summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaign";

    /// <summary>Shown in replies and digests; the seed file's name when not set.</summary>
    public string? Name { get; set; }

    /// <summary>IANA zone that typed times are read in and shown in, unless an event has its own.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Events and hashtags loaded once into an empty store.</summary>
    public string SeedFile { get; set; } = "config/campaign.example.yaml";

    /// <summary>Tracked hashtags without '#'; the seed file's list when empty.</summary>
    public List<string> Hashtags { get; set; } = [];
}
