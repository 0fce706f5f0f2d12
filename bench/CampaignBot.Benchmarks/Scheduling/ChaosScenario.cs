using CampaignBot.Storage;
using CampaignBot.Testing.Chaos;
using CampaignBot.Testing.Processes;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>
/// The long chaos drill: the built bot SIGKILLed 25 times on SQLite and 15 times on PostgreSQL, each kill aimed at a
/// reminder's due moment, with the default settings, while reminders fall due every 0.8 s to three subscribed Discord
/// channels; then a two-node PostgreSQL cluster with a 10 s lease loses a node mid-burst. Counts lost, doubled and
/// missed reminders, the worst time past "10 s after the bot could send it", late-mark mismatches, restart time and
/// the cluster's takeover time. Options: <c>--kills-sqlite N</c>, <c>--kills-postgres N</c>.
/// </summary>
internal sealed class ChaosScenario : IScenario
{
    public string Name => "chaos";

    public string Description => "SIGKILL at due moments (25 on SQLite, 15 on PostgreSQL) and a two-node fail-over: lost, doubled, lateness";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var table = new Table("run", "kills", "messages", "lost", "doubled", "missed", "late marks", "mismatched", "worst late s", "worst over allowed s", "restart median s", "takeover s");
        var figures = new Dictionary<string, object>();
        var failures = new List<string>();
        foreach (var engine in BenchEngines.Available())
        {
            var kills = Option(args, engine == StorageProvider.Sqlite ? "--kills-sqlite" : "--kills-postgres", engine == StorageProvider.Sqlite ? 25 : 15);
            var plan = new ChaosPlan(Reminders: kills * 8, Channels: 3, Kills: kills, Lead: TimeSpan.FromSeconds(8), Spacing: TimeSpan.FromMilliseconds(800))
            {
                MinLife = TimeSpan.FromSeconds(2),
                LateAfter = TimeSpan.FromSeconds(30),
            };
            await RunOneAsync(BenchEngines.Name(engine), engine, plan, table, figures, failures, cancellationToken);
            if (engine == StorageProvider.Postgres)
            {
                var failover = new ChaosPlan(Reminders: 40, Channels: 3, Kills: 1, Lead: TimeSpan.FromSeconds(10), Spacing: TimeSpan.FromMilliseconds(500))
                {
                    TwoNodes = true,
                    Lease = TimeSpan.FromSeconds(10),
                    MinLife = TimeSpan.FromSeconds(3),
                    LateAfter = TimeSpan.FromSeconds(30),
                };
                await RunOneAsync("PostgreSQL two-node", engine, failover, table, figures, failures, cancellationToken);
            }
        }

        Console.Write(table);
        foreach (var failure in failures)
        {
            Console.WriteLine(failure);
        }

        return figures;
    }

    private static async Task RunOneAsync(string name, StorageProvider engine, ChaosPlan plan, Table table, Dictionary<string, object> figures, List<string> failures, CancellationToken cancellationToken)
    {
        await using var database = await BenchEngines.CreateAsync(engine, cancellationToken);
        await using var discord = await FakeDiscordServer.StartAsync();
        var report = await ChaosDrill.RunAsync(database, discord, plan, settings => BotProcess.StartWith(settings), cancellationToken);
        table.Row(
            name,
            report.Kills,
            report.Expected,
            report.Lost,
            report.Doubled,
            report.MissedOrFailed,
            report.LateMarks,
            report.LateMismatches,
            Math.Round(report.WorstLateness.TotalSeconds, 2),
            Math.Round(report.WorstOverAllowed.TotalSeconds, 2),
            Math.Round(report.MedianRestart.TotalSeconds, 2),
            report.Takeover is { } takeover ? Math.Round(takeover.TotalSeconds, 2) : "-");
        var key = name.ToLowerInvariant().Replace("postgresql", "postgres", StringComparison.Ordinal).Replace(' ', '_').Replace('-', '_');
        figures[$"{key}_lost"] = report.Lost;
        figures[$"{key}_doubled"] = report.Doubled;
        figures[$"{key}_missed"] = report.MissedOrFailed;
        figures[$"{key}_late_mismatches"] = report.LateMismatches;
        figures[$"{key}_worst_late_s"] = Math.Round(report.WorstLateness.TotalSeconds, 2);
        figures[$"{key}_worst_over_allowed_s"] = Math.Round(report.WorstOverAllowed.TotalSeconds, 2);
        if (report.Takeover is { } seconds)
        {
            figures[$"{key}_takeover_s"] = Math.Round(seconds.TotalSeconds, 2);
        }

        failures.AddRange(report.Problems.Select(problem => $"{name}: {problem}"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
