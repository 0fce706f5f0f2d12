namespace CampaignBot.Web.Hosting;

/// <summary>What one listener serves: the public campaign surface, the operators' health and metrics, or both.</summary>
[Flags]
internal enum Surface
{
    Public = 1,
    Operations = 2,
}
