using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Commands;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Scheduling;
using CampaignBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>
/// Fire lag through the whole hosted pipeline (Quartz arming, claim, recorded send decisions, sends at the instant):
/// 100,000 reminders pending, 1,000 due at one instant (and, separately, spread over one second); lag is the time
/// from each due instant to the send call. The same 1,000 come twice: first 6 s after the bot starts, when the send
/// path runs for the first time (cold: its code is still being compiled), then again 5 s later, as in a bot that has
/// sent before (warm). The setup's garbage is collected before the bot starts.
/// </summary>
internal sealed partial class FireLagScenario : IScenario
{
    private const int Due = 1000;
    private static readonly TimeSpan Again = TimeSpan.FromSeconds(5);

    public string Name => "fire-lag";

    public string Description => "100,000 pending, 1,000 due at one instant / over one second: due instant → send call";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var table = new Table("engine", "due", "process", "first ms", "p50 ms", "p99 ms", "max ms");
        var figures = new Dictionary<string, object>();
        foreach (var engine in BenchEngines.Available())
        {
            foreach (var (variant, spacing) in new[] { ("same instant", TimeSpan.Zero), ("over 1 s", TimeSpan.FromMilliseconds(1)) })
            {
                var runs = await MeasureAsync(engine, spacing, cancellationToken);
                foreach (var (process, lags) in new[] { ("cold", runs.Cold), ("warm", runs.Warm) })
                {
                    var (p50, p99) = (Percentiles.Of(lags, 50), Percentiles.Of(lags, 99));
                    table.Row(BenchEngines.Name(engine), variant, process, Math.Round(lags.Min(), 2), Math.Round(p50, 2), Math.Round(p99, 2), Math.Round(lags.Max(), 2));
                    var key = $"{BenchEngines.Key(engine)}_{(spacing == TimeSpan.Zero ? "instant" : "spread")}{(process == "cold" ? "" : "_warm")}";
                    figures[$"{key}_p50_ms"] = Math.Round(p50, 2);
                    figures[$"{key}_p99_ms"] = Math.Round(p99, 2);
                }
            }
        }

        Console.Write(table);
        return figures;
    }

    private static async Task<(IReadOnlyList<double> Cold, IReadOnlyList<double> Warm)> MeasureAsync(StorageProvider engine, TimeSpan spacing, CancellationToken cancellationToken)
    {
        await using var database = await BenchEngines.CreateAsync(engine, cancellationToken);
        // Whole milliseconds, as the store keeps due times: lags are measured from the instant the bot is given.
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(6).ToUnixTimeMilliseconds());
        await using (var handle = await database.OpenAsync(cancellationToken))
        {
            var organiser = new Person(Platform.Shell, "bench", "bench");
            await handle.Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, "bench-channel"), EventKinds.All, organiser, DateTimeOffset.UtcNow), cancellationToken);
            await handle.Store.AddEventsAsync(BenchEngines.Events(25_000, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7)), cancellationToken);
            // Events 0…999 at the instant, 1000…1999 the same way 5 s later.
            var twice = BenchEngines.Events(2 * Due, instant, spacing, new ReminderPlan([TimeSpan.Zero]))
                .Select((e, i) => i < Due ? e : e with { Start = DueOf(i) });
            await handle.Store.AddEventsAsync([.. twice], cancellationToken);
        }

        // The setup's garbage (25,000 events created in bulk) is collected now rather than in the measured seconds.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        var sender = new LagSender(title => DueOf(Number(title))) { Expected = 2 * Due }.WarmedUp();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = engine.ToString(),
            ["Storage:ConnectionString"] = database.Options.ConnectionString,
        });
        builder.Services.AddCampaignStorage();
        builder.Services.Configure<CampaignOptions>(_ => { });
        builder.Services.AddCampaignCommands();
        builder.Services.AddSingleton<IChatSender>(sender);
        builder.Services.AddCampaignScheduling(new SchedulerStore(engine == StorageProvider.Postgres, StorageDrivers.Factory(engine), database.Options.ConnectionString));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        await sender.AllSent.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await host.StopAsync(cancellationToken);
        var lags = sender.Lags;
        return ([.. lags.Where(l => Number(l.Title) < Due).Select(l => l.Ms)], [.. lags.Where(l => Number(l.Title) >= Due).Select(l => l.Ms)]);

        DateTimeOffset DueOf(int number) => number < Due ? instant + (spacing * number) : instant + Again + (spacing * (number - Due));
    }

    /// <summary>The N of a reminder for "Bench event N" (the web scenario times its reminders the same way).</summary>
    internal static int Number(string title) => int.Parse(EventNumber().Match(title).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Bench event (\d+) starts")]
    private static partial Regex EventNumber();
}
