namespace CampaignBot.Seeding;

/// <summary>The shape of <c>campaign.example.yaml</c>.</summary>
public sealed class SeedFile
{
    public SeedCampaign? Campaign { get; set; }

    public List<string> Hashtags { get; set; } = [];

    public List<SeedEvent> Events { get; set; } = [];
}
