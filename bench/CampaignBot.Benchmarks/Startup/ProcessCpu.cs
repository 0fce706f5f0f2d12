using System.Globalization;

namespace CampaignBot.Benchmarks.Startup;

/// <summary>
/// The CPU time a process has used so far (user + system; Linux, 10 ms steps; 0 elsewhere): unlike the wall clock,
/// hardly moved by other work on a shared machine.
/// </summary>
internal static class ProcessCpu
{
    public static double Milliseconds(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return 0;
        }

        // The fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th of them.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }
}
