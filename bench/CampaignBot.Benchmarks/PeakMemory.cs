using System.Diagnostics;
using System.Globalization;

namespace CampaignBot.Benchmarks;

/// <summary>
/// The process's peak resident set (Linux <c>VmHWM</c>; elsewhere the peak working set), in MB. Scenarios that run
/// the bot in this process report the bot together with its fakes, so the figure is an upper bound for the bot.
/// </summary>
public static class PeakMemory
{
    public static double Megabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return Math.Round(kilobytes / 1024.0, 1);
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }
}
