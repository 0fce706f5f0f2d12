using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CampaignBot.Benchmarks.Scheduling;
using CampaignBot.Commands;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Scheduling;
using CampaignBot.Storage;
using CampaignBot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// The web surface under 200 concurrent clients, in the bot's host with the scheduler running: the campaign page,
/// the calendar feed of 1,000 actions and <c>/metrics</c>, each for a few seconds, while a reminder falls due every
/// 50 ms (its fire lag, due instant → send call, is measured under the same load). Clients run in this process, on the
/// same cores as the bot: the figures are a floor for one small machine, not the server alone.
/// </summary>
internal sealed class WebScenario : IScenario
{
    private const int Clients = 200;
    private const int Actions = 1000;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan ReminderEvery = TimeSpan.FromMilliseconds(50);
    private static readonly string[] Paths = ["/", "/calendar.ics", "/metrics"];

    public string Name => "web";

    public string Description => "200 clients on the page, the 1,000-action calendar and /metrics, with reminder fire lag alongside";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var database = await BenchEngines.CreateAsync(StorageProvider.Sqlite, cancellationToken);
        var warmup = TimeSpan.FromSeconds(8);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.Add(warmup).ToUnixTimeMilliseconds());
        var timed = (int)((Phase * Paths.Length) / ReminderEvery);
        await using (var handle = await database.OpenAsync(cancellationToken))
        {
            var organiser = new Person(Platform.Shell, "bench", "bench");
            await handle.Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, "bench-channel"), EventKinds.All, organiser, DateTimeOffset.UtcNow), cancellationToken);
            // The timed ones fall due during the load (one reminder each, at the start); the rest fill the feed.
            await handle.Store.AddEventsAsync(BenchEngines.Events(timed, start, ReminderEvery, new ReminderPlan([TimeSpan.Zero])), cancellationToken);
            var filler = BenchEngines.Events(Actions - timed, DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromMinutes(30), ReminderPlan.None)
                .Select((e, i) => e with { Title = $"Filler action {i}", Location = "Parliament Square, London", Description = "Bring banners, wear scrubs." });
            await handle.Store.AddEventsAsync([.. filler], cancellationToken);
        }

        var sender = new LagSender(title => start + (ReminderEvery * FireLagScenario.Number(title))) { Expected = timed };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = database.Options.ConnectionString,
            ["Campaign:Name"] = "Bench campaign",
            ["Campaign:Hashtags:0"] = "NotSafeNotFair",
            ["Campaign:Hashtags:1"] = "ImInWorkJeremy",
            ["Web:Urls"] = "http://127.0.0.1:0",
        });
        builder.Services.AddCampaignStorage();
        builder.Services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section);
        builder.Services.AddCampaignCommands();
        builder.Services.AddSingleton<IChatSender>(sender);
        builder.Services.AddCampaignScheduling(new SchedulerStore(false, database.Options.ConnectionString));
        builder.Services.AddCampaignWeb();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var address = new Uri(host.Services.GetRequiredService<WebStatus>().PublicUrls[0]);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var feed = await http.GetStringAsync("/calendar.ics", cancellationToken);
        var inFeed = Regex.Count(feed, "BEGIN:VEVENT");
        // Warm the three paths, then wait for the first reminder's instant before loading.
        foreach (var path in Paths)
        {
            (await http.GetAsync(path, cancellationToken)).Dispose();
        }

        if (start - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        var table = new Table("path", "clients", "requests", "req/s", "p50 ms", "p99 ms", "non-200");
        var figures = new Dictionary<string, object> { ["actions_in_feed"] = inFeed };
        foreach (var path in Paths)
        {
            var (latencies, failures, seconds) = await LoadAsync(http, path, cancellationToken);
            var key = path switch { "/" => "page", "/calendar.ics" => "ics", _ => "metrics" };
            var (p50, p99) = (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99));
            table.Row(path, Clients, latencies.Count, Math.Round(latencies.Count / seconds), Math.Round(p50, 1), Math.Round(p99, 1), failures);
            figures[$"{key}_rps"] = Math.Round(latencies.Count / seconds);
            figures[$"{key}_p99_ms"] = Math.Round(p99, 1);
            figures[$"{key}_non_200"] = failures;
        }

        await sender.AllSent.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await host.StopAsync(cancellationToken);
        var lags = sender.Lags.Select(l => l.Ms).ToArray();
        Console.Write(table);
        Console.Write(new Table("reminders fired under load", "p50 ms", "p99 ms", "max ms")
            .Row(lags.Length, Math.Round(Percentiles.Of(lags, 50), 1), Math.Round(Percentiles.Of(lags, 99), 1), Math.Round(lags.Max(), 1)));
        figures["fire_lag_p50_ms"] = Math.Round(Percentiles.Of(lags, 50), 1);
        figures["fire_lag_p99_ms"] = Math.Round(Percentiles.Of(lags, 99), 1);
        figures["fire_lag_max_ms"] = Math.Round(lags.Max(), 1);
        return figures;
    }

    private static async Task<(List<double> Latencies, int Failures, double Seconds)> LoadAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[Clients];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = [];
            while (clock.Elapsed < Phase)
            {
                var began = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, cancellationToken)));
        return ([.. latencies.SelectMany(l => l)], failures, clock.Elapsed.TotalSeconds);
    }
}
