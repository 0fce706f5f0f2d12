using System.Globalization;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// The bot run as its own process for the memory scenarios: which build (<c>--bot &lt;publish dir&gt;</c> measures a
/// <c>dotnet publish</c> output, native as the Docker image runs it or not; the default is the built bot), its memory sampled while
/// a workload runs, and the figures every such scenario reports, the peak named as the bot's own.
/// </summary>
internal static class BotUnderTest
{
    public static BotBuild Build(string[] args)
    {
        var at = Array.IndexOf(args, "--bot");
        return at >= 0 && at + 1 < args.Length ? BotBuild.Published(args[at + 1]) : BotBuild.Built;
    }

    public static string Describe(BotBuild build) =>
        build.Native ? $"native bot ({Path.GetDirectoryName(build.Program)})"
        : build == BotBuild.Built ? "built bot (dotnet build output)" : $"published bot ({Path.GetDirectoryName(build.Program)})";

    /// <summary>A bot on <paramref name="connectionString"/> doing only the workload: no seed, no shell, no digest.</summary>
    public static string[] Settings(string connectionString, params IEnumerable<string> more) =>
        [$"--Storage:ConnectionString={connectionString}", "--Campaign:SeedFile=", "--Shell:Enabled=false", "--Scheduling:DigestTime=off", .. more];

    /// <summary>Samples the bot's memory every 100 ms until <paramref name="until"/> ends; returns the largest RSS seen.</summary>
    public static async Task<double> SampleWhileAsync(BotProcess bot, Task until)
    {
        var largest = 0d;
        while (!until.IsCompleted)
        {
            largest = Math.Max(largest, bot.Memory()?.RssMb ?? 0);
            await Task.WhenAny(until, Task.Delay(100)).ConfigureAwait(false);
        }

        await until.ConfigureAwait(false);
        return Math.Max(largest, bot.Memory()?.RssMb ?? 0);
    }

    /// <summary>The bot's resident memory now, once it has been still for <paramref name="settle"/>.</summary>
    public static async Task<ProcessMemory> SettledAsync(BotProcess bot, TimeSpan settle, CancellationToken cancellationToken)
    {
        await Task.Delay(settle, cancellationToken).ConfigureAwait(false);
        return bot.Memory() ?? throw new InvalidOperationException($"the bot exited; it logged:\n{bot.Log}");
    }

    /// <summary>The memory figures for the JSON line: the bot's peak and its RSS now, split by kind.</summary>
    public static void Report(Dictionary<string, object> figures, ProcessMemory memory, BotBuild build, string prefix = "")
    {
        figures[$"{prefix}peak_rss_mb"] = memory.PeakMb;
        figures[$"{prefix}rss_mb"] = memory.RssMb;
        figures[$"{prefix}rss_anon_mb"] = memory.AnonMb;
        figures[$"{prefix}rss_file_mb"] = memory.FileMb;
        figures[$"{prefix}rss_shmem_mb"] = memory.ShmemMb;
        figures["peak_rss_process"] = "bot";
        figures["bot"] = build.Native ? "native" : build == BotBuild.Built ? "built" : "published";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot process ({Describe(build)}): {memory}"));
    }

    /// <summary>Returns once the bot's CPU time has stood (nearly) still for a second: it has caught up with its input.</summary>
    public static async Task StillAsync(BotProcess bot, CancellationToken cancellationToken)
    {
        var cpu = CpuTicks(bot.Id);
        while (true)
        {
            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
            var now = CpuTicks(bot.Id);
            if (now - cpu <= 5)
            {
                return;
            }

            cpu = now;
        }
    }

    /// <summary>A metric summed over its series from the bot's Prometheus export (<c>/metrics</c>); see <see cref="Metric"/>.</summary>
    public static async Task<double?> MetricAsync(HttpClient http, Uri web, string name, CancellationToken cancellationToken) =>
        Metric(await http.GetStringAsync(new Uri(web, "/metrics"), cancellationToken).ConfigureAwait(false), name);

    /// <summary>
    /// A metric summed over the series whose names start with <paramref name="name"/> (every label set; a counter's
    /// <c>_total</c>) in a Prometheus export; null when it has none.
    /// </summary>
    public static double? Metric(string export, string name)
    {
        var values = export.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && !line.StartsWith(name + "_created", StringComparison.Ordinal))
            .Select(line => double.Parse(Value(line), CultureInfo.InvariantCulture))
            .ToArray();
        return values.Length == 0 ? null : values.Sum();

        // `name{labels} value [timestamp]` or `name value [timestamp]`; a label's value may hold spaces.
        static string Value(string line) =>
            line[(line.LastIndexOf('}') is var close and >= 0 ? close + 1 : line.IndexOf(' ', StringComparison.Ordinal))..].Trim().Split(' ')[0];
    }

    public static string TempDatabase() => Path.Combine(Path.GetTempPath(), $"campaignbot-bench-{Guid.NewGuid():N}.db");

    // utime + stime from /proc/<pid>/stat, in clock ticks.
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    public static void Delete(string database)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
