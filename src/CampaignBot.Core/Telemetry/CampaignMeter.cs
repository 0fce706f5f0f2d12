namespace CampaignBot.Core.Telemetry;

/// <summary>
/// The one <see cref="System.Diagnostics.Metrics.Meter"/> name every project records under, so the exporter needs a
/// single subscription. Each project keeps its own instruments next to the code that records them.
/// </summary>
public static class CampaignMeter
{
    public const string Name = "CampaignBot";
}
