using System.Diagnostics;
using System.Globalization;

namespace CampaignBot.Benchmarks;

/// <summary>
/// The process's peak resident set (Linux <c>VmHWM</c>; elsewhere the peak working set), in MB. Scenarios that run
/// the bot in this process report the bot together with its fakes, so the figure is an upper bound for the bot.
/// </summary>
public static class PeakMemory
{
    /// <summary>Starts the peak over from the current resident set (Linux; elsewhere nothing happens).</summary>
    public static void Reset()
    {
        const string clearRefs = "/proc/self/clear_refs";
        if (File.Exists(clearRefs))
        {
            try
            {
                File.WriteAllText(clearRefs, "5");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A kernel that doesn't allow it: the peak then includes what came before.
            }
        }
    }

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
