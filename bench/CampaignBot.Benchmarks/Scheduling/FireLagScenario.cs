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
/// from each due instant to the send call.
/// </summary>
internal sealed partial class FireLagScenario : IScenario
{
    private const int Due = 1000;

    public string Name => "fire-lag";

    public string Description => "100,000 pending, 1,000 due at one instant / over one second: due instant → send call";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var table = new Table("engine", "due", "p50 ms", "p99 ms", "max ms");
        var figures = new Dictionary<string, object>();
        foreach (var engine in BenchEngines.Available())
        {
            foreach (var (variant, spacing) in new[] { ("same instant", TimeSpan.Zero), ("over 1 s", TimeSpan.FromMilliseconds(1)) })
            {
                var lags = await MeasureAsync(engine, spacing, cancellationToken);
                var (p50, p99) = (Percentiles.Of(lags, 50), Percentiles.Of(lags, 99));
                table.Row(BenchEngines.Name(engine), variant, Math.Round(p50, 2), Math.Round(p99, 2), Math.Round(lags.Max(), 2));
                var key = $"{BenchEngines.Key(engine)}_{(spacing == TimeSpan.Zero ? "instant" : "spread")}";
                figures[$"{key}_p50_ms"] = Math.Round(p50, 2);
                figures[$"{key}_p99_ms"] = Math.Round(p99, 2);
            }
        }

        Console.Write(table);
        return figures;
    }

    private static async Task<IReadOnlyList<double>> MeasureAsync(StorageProvider engine, TimeSpan spacing, CancellationToken cancellationToken)
    {
        await using var database = await BenchEngines.CreateAsync(engine, cancellationToken);
        var instant = DateTimeOffset.UtcNow.AddSeconds(6);
        await using (var handle = await database.OpenAsync(cancellationToken))
        {
            var organiser = new Person(Platform.Shell, "bench", "bench");
            await handle.Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, "bench-channel"), EventKinds.All, organiser, DateTimeOffset.UtcNow), cancellationToken);
            await handle.Store.AddEventsAsync(BenchEngines.Events(25_000, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7)), cancellationToken);
            await handle.Store.AddEventsAsync(BenchEngines.Events(Due, instant, spacing, new ReminderPlan([TimeSpan.Zero])), cancellationToken);
        }

        var sender = new LagSender(title => instant + (spacing * int.Parse(EventNumber().Match(title).Groups[1].Value, CultureInfo.InvariantCulture))) { Expected = Due };
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
        builder.Services.AddCampaignScheduling(new SchedulerStore(engine == StorageProvider.Postgres, database.Options.ConnectionString));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        await sender.AllSent.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await host.StopAsync(cancellationToken);
        return sender.LagsMs;
    }

    [GeneratedRegex(@"Bench event (\d+) starts")]
    private static partial Regex EventNumber();
}
