using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignBot.Benchmarks.Scheduling;
using CampaignBot.Commands;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Storage;
using CampaignBot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// The web surface under 200 concurrent clients, in the bot's host with the scheduler running: the campaign page,
/// the calendar feed of 1,000 actions and <c>/metrics</c>, each for a few seconds, while a reminder falls due every
/// 50 ms (its fire lag, due instant → send call, is measured under the same load). The clients run in a process of
/// their own (<see cref="WebClients"/>), so this process holds only the bot and what measures it, as production would;
/// both share the machine's cores. What late sends waited for is reported beside the lag (<see cref="FireLagCauses"/>).
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

        // The bot's peak RSS counts from here: the seeding above is the bench's, not the bot's.
        PeakMemory.Reset();
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
        var queue = builder.Services.Last(d => d.ServiceType == typeof(IReminderQueue));
        builder.Services.Remove(queue);
        builder.Services.AddSingleton<IReminderQueue>(provider => new ClaimTimes((IReminderQueue)queue.ImplementationFactory!(provider)));
        builder.Services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section);
        builder.Services.AddCampaignCommands();
        builder.Services.AddSingleton<IChatSender>(sender);
        builder.Services.AddCampaignScheduling(new SchedulerStore(false, StorageDrivers.Factory(StorageProvider.Sqlite), database.Options.ConnectionString));
        builder.Services.AddCampaignWeb();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var address = new Uri(host.Services.GetRequiredService<WebStatus>().PublicUrls[0]);
        var figures = new Dictionary<string, object>();

        using var probe = new WakeProbe();
        using var instants = new InstantProbe(Enumerable.Range(0, timed).Select(i => start + (ReminderEvery * i)));
        using var pauses = new GcPauses();
        using (var warm = new HttpClient { BaseAddress = address })
        {
            var feed = await warm.GetStringAsync("/calendar.ics", cancellationToken);
            figures["actions_in_feed"] = Regex.Count(feed, "BEGIN:VEVENT");
            foreach (var path in Paths)
            {
                (await warm.GetAsync(path, cancellationToken)).Dispose();
            }
        }

        // A start-up slower than the warm-up would make the first reminders late before any load: say so.
        var margin = start - DateTimeOffset.UtcNow;
        Console.WriteLine($"bot started and warm {Math.Round(margin.TotalSeconds, 1)} s before the first reminder's instant");
        var paths = await ClientsAsync(address, start, cancellationToken);
        await sender.AllSent.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        probe.Dispose();
        var botRss = PeakMemory.Megabytes();
        await host.StopAsync(cancellationToken);

        var table = new Table("path", "clients", "requests", "req/s", "p50 ms", "p99 ms", "non-200");
        foreach (var path in paths)
        {
            var key = path.Path switch { "/" => "page", "/calendar.ics" => "ics", _ => "metrics" };
            var rps = Math.Round(path.Requests / path.Seconds);
            table.Row(path.Path, Clients, path.Requests, rps, Math.Round(path.P50Ms, 1), Math.Round(path.P99Ms, 1), path.NonOk);
            figures[$"{key}_rps"] = rps;
            figures[$"{key}_p99_ms"] = Math.Round(path.P99Ms, 1);
            figures[$"{key}_non_200"] = path.NonOk;
        }

        Console.Write(table);
        var lags = sender.Lags.Select(l => l.Ms).ToArray();
        Console.Write(new Table("reminders fired under load", "p50 ms", "p99 ms", "max ms")
            .Row(lags.Length, Math.Round(Percentiles.Of(lags, 50), 1), Math.Round(Percentiles.Of(lags, 99), 1), Math.Round(lags.Max(), 1)));
        figures["fire_lag_p50_ms"] = Math.Round(Percentiles.Of(lags, 50), 1);
        figures["fire_lag_p99_ms"] = Math.Round(Percentiles.Of(lags, 99), 1);
        figures["fire_lag_max_ms"] = Math.Round(lags.Max(), 1);
        Attribute(sender, pauses, probe, start, figures);
        ClaimDelays(sender, (ClaimTimes)host.Services.GetRequiredService<IReminderQueue>());
        var woken = await instants.LateMsAsync();
        Console.WriteLine($"a second waking thread at the same instants, doing nothing else: late p50 {Math.Round(Percentiles.Of(woken, 50), 1)} ms, p99 {Math.Round(Percentiles.Of(woken, 99), 1)} ms, max {Math.Round(woken.Max(), 1)} ms");
        figures["instant_probe_p99_ms"] = Math.Round(Percentiles.Of(woken, 99), 1);
        figures["peak_rss_mb"] = botRss;
        figures["clients_peak_rss_mb"] = paths.Max(p => p.ClientsPeakRssMb);
        Console.WriteLine($"peak RSS: the bot's process {botRss} MB (its host and the bench's measuring sender; seeding excluded), the clients' process {figures["clients_peak_rss_mb"]} MB");
        return figures;
    }

    // What the late sends waited for, beside what a dedicated thread's wakes and the GC's pauses cost over the load.
    private static void Attribute(LagSender sender, GcPauses gc, WakeProbe probe, DateTimeOffset start, Dictionary<string, object> figures)
    {
        var pauses = gc.Pauses.Where(p => p.End >= start.UtcDateTime).ToArray();
        var causes = FireLagCauses.Of(sender.Calls, pauses);
        var pauseMs = pauses.Select(p => (p.End - p.Start).TotalMilliseconds).DefaultIfEmpty(0).ToArray();
        var wakes = probe.LateMsSince(start);
        Console.Write(new Table($"sends over {FireLagCauses.LateMs} ms", "ready only after instant", "in a GC pause", "cores busy", "GC ms in them", "lag ms in them")
            .Row(causes.Late, causes.ClaimedLate, causes.GcPause, causes.CoresBusy, causes.GcMsInLate, causes.LagMsInLate));
        Console.Write(new Table("GC pauses during load", "total ms", "max ms", "probe wakes", "probe late p50 ms", "p99 ms", "max ms")
            .Row(pauses.Length, Math.Round(pauseMs.Sum(), 1), Math.Round(pauseMs.Max(), 1), wakes.Count,
                Math.Round(Percentiles.Of(wakes, 50), 2), Math.Round(Percentiles.Of(wakes, 99), 1), Math.Round(wakes.DefaultIfEmpty(0).Max(), 1)));
        Console.WriteLine($"late sends by thread: {causes.ByThread}");
        var byPath = sender.Calls.Where(c => (c.At - c.Due).TotalMilliseconds > FireLagCauses.LateMs)
            .GroupBy(c => Paths[Math.Clamp((int)((c.Due - start) / Phase), 0, Paths.Length - 1)])
            .Select(g => $"{g.Key}: {g.Count()} (max {Math.Round(g.Max(c => (c.At - c.Due).TotalMilliseconds))} ms)");
        Console.WriteLine($"late sends by the path under load then: {string.Join(", ", byPath)}");
        var wokenLate = sender.Calls.Where(c => c.Thread != "pool" && (c.At - c.Due).TotalMilliseconds > FireLagCauses.LateMs).ToArray();
        var probeOnTime = wokenLate.Count(c => probe.OnTimeWakesBetween(c.Due, c.At) > 0);
        Console.WriteLine($"of {wokenLate.Length} late sends on the waking thread, {probeOnTime} were late while the probe thread woke on time in between");
        figures["late_sends"] = causes.Late;
        figures["late_ready_after_instant"] = causes.ClaimedLate;
        figures["late_in_gc_pause"] = causes.GcPause;
        figures["late_cores_busy"] = causes.CoresBusy;
        figures["gc_pauses"] = pauses.Length;
        figures["gc_pause_total_ms"] = Math.Round(pauseMs.Sum(), 1);
        figures["gc_pause_max_ms"] = Math.Round(pauseMs.Max(), 1);
        figures["probe_late_p99_ms"] = Math.Round(Percentiles.Of(wakes, 99), 1);
    }

    // For the sends made after their instant by the thread that claimed them: did the claim start late, or take long?
    private static void ClaimDelays(LagSender sender, ClaimTimes claims)
    {
        var late = sender.Calls
            .Where(c => (c.At - c.Due).TotalMilliseconds > FireLagCauses.LateMs && claims.ByDue.ContainsKey(c.Due) && claims.ByDue[c.Due].Ended > c.Due)
            .Select(c => (Call: c, Claim: claims.ByDue[c.Due]))
            .ToArray();
        if (late.Length == 0)
        {
            return;
        }

        double Avg(Func<((DateTimeOffset Due, DateTimeOffset At, string Thread) Call, (DateTimeOffset Started, DateTimeOffset Ended) Claim), TimeSpan> of) =>
            Math.Round(late.Average(l => of(l).TotalMilliseconds), 1);
        Console.WriteLine($"{late.Length} sends claimed only after their instant: on average the claim started "
            + $"{Avg(l => l.Claim.Started - (l.Call.Due - ReminderDispatcher.ClaimAhead))} ms after its time (instant - {ReminderDispatcher.ClaimAhead.TotalMilliseconds} ms), "
            + $"took {Avg(l => l.Claim.Ended - l.Claim.Started)} ms, and the send came {Avg(l => l.Call.At - l.Claim.Ended)} ms after it");
    }

    // Runs the clients in a process of their own (this program again, with the hidden argument) and reads their figures.
    private static async Task<List<PathFigures>> ClientsAsync(Uri address, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path to re-launch");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(WebClients).Assembly.Location);
        }

        foreach (var argument in WebClients.Arguments(address, start, Clients, Phase, Paths))
        {
            info.ArgumentList.Add(argument);
        }

        using var clients = Process.Start(info) ?? throw new InvalidOperationException("the clients' process did not start");
        var paths = new List<PathFigures>();
        try
        {
            while (await clients.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                paths.Add(JsonSerializer.Deserialize<PathFigures>(line) ?? throw new InvalidOperationException($"unreadable figures: {line}"));
            }

            await clients.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            // Interrupted or failed: the clients don't outlive the bench.
            if (!clients.HasExited)
            {
                clients.Kill(entireProcessTree: true);
            }
        }

        return clients.ExitCode == 0 && paths.Count == Paths.Length
            ? paths
            : throw new InvalidOperationException($"the clients' process ended with {clients.ExitCode} after {paths.Count} of {Paths.Length} paths");
    }
}
