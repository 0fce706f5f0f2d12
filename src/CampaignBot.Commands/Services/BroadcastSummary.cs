using CampaignBot.Core.Ports;

namespace CampaignBot.Commands.Services;

/// <summary>One line saying where a broadcast went and where it failed.</summary>
public static class BroadcastSummary
{
    public static string Describe(BroadcastReport report, string noun)
    {
        if (report.Attempted == 0)
        {
            return $"No {noun} to tell (subscribe adds one).";
        }

        var told = $"Told {report.Delivered.Count} {noun}{(report.Delivered.Count == 1 ? string.Empty : "s")}";
        return report.Failed.Count == 0
            ? $"{told}."
            : $"{told}; failed for {string.Join(", ", report.Failed.Select(f => $"{f.Destination} ({f.Reason})"))}.";
    }
}
