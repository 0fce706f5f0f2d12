namespace CampaignBot.Web.Hosting;

/// <summary>Endpoint metadata: the endpoint reads its own request body, under Kestrel's 1 MB cap and any of its own.</summary>
internal sealed class OwnBody
{
    public static readonly OwnBody Instance = new();
}
