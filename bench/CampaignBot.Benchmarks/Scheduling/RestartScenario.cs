using CampaignBot.Storage;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>
/// Restart to armed: the built bot process is started on a database holding 100,000 pending reminders; the time from
/// process start to the dispatcher being armed for the earliest of them (its debug log line) is measured. The first
/// start (which also creates Quartz's tables) is a warm-up; the restarts after it are what counts.
/// </summary>
internal sealed class RestartScenario : IScenario
{
    private const int Events = 25_000;
    private const int Restarts = 3;
    private const string Armed = "Reminder dispatcher armed";

    public string Name => "restart";

    public string Description => "process start → dispatcher armed, 100,000 reminders pending (median of 3 restarts)";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var table = new Table("engine", "pending", "first start s", "restart median s", "restart max s");
        var figures = new Dictionary<string, object>();
        var botPeakMb = 0d;
        foreach (var engine in BenchEngines.Available())
        {
            await using var database = await BenchEngines.CreateAsync(engine, cancellationToken);
            await using (var handle = await database.OpenAsync(cancellationToken))
            {
                await handle.Store.AddEventsAsync(BenchEngines.Events(Events, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7)), cancellationToken);
            }

            var (first, firstPeak) = await StartToArmedAsync(engine, database.Options.ConnectionString, cancellationToken);
            botPeakMb = Math.Max(botPeakMb, firstPeak);
            var restarts = new List<double>();
            for (var i = 0; i < Restarts; i++)
            {
                var (seconds, peak) = await StartToArmedAsync(engine, database.Options.ConnectionString, cancellationToken);
                restarts.Add(seconds);
                botPeakMb = Math.Max(botPeakMb, peak);
            }

            var median = restarts.Order().ElementAt(restarts.Count / 2);
            table.Row(BenchEngines.Name(engine), Events * 4, Math.Round(first, 3), Math.Round(median, 3), Math.Round(restarts.Max(), 3));
            figures[$"{BenchEngines.Key(engine)}_restart_seconds"] = Math.Round(median, 3);
        }

        Console.Write(table);
        // The bench process only seeds; the figure is the bot's own, the largest over its starts.
        Console.WriteLine($"peak RSS of the bot's process (largest over the starts): {botPeakMb} MB");
        figures["peak_rss_mb"] = botPeakMb;
        figures["peak_rss_process"] = "bot";
        return figures;
    }

    // Seconds from start to armed, and the bot's own peak resident memory by then.
    private static async Task<(double Seconds, double PeakMb)> StartToArmedAsync(StorageProvider engine, string connectionString, CancellationToken cancellationToken)
    {
        await using var bot = BotProcess.StartWith(
        [
            $"--Storage:Provider={engine}",
            $"--Storage:ConnectionString={connectionString}",
            "--Campaign:SeedFile=",
            "--Shell:Enabled=true",
            "--Logging:LogLevel:CampaignBot.Scheduling=Debug",
        ]);
        try
        {
            var armed = await bot.WaitForLogAsync(Armed, TimeSpan.FromSeconds(60)).WaitAsync(cancellationToken);
            return ((armed - bot.StartedAt).TotalSeconds, bot.Memory()?.PeakMb ?? 0);
        }
        finally
        {
            // End of input stops the shell, and with it the bot, cleanly.
            await bot.StopAsync();
        }
    }
}
