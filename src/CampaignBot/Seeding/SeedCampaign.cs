namespace CampaignBot.Seeding;

/// <summary>The <c>campaign:</c> block of a seed file.</summary>
public sealed class SeedCampaign
{
    public string? Name { get; set; }

    public string? Description { get; set; }
}
