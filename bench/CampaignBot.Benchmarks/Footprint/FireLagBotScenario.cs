using System.Globalization;
using System.Runtime;
using CampaignBot.Benchmarks.Scheduling;
using CampaignBot.Core.Domain;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// <c>fire-lag</c>'s one-instant case on the bot as users run it, its own process (built, or a publish: native as the
/// image runs it): a SQLite file seeded before start with 100,000 reminders pending (25,000 events 10 days out) and
/// 1,000 due at one instant a few seconds after the bot is ready (cold: the send path's first run in this process),
/// then another 1,000 at an instant 5 s later (warm). The reminders go to the terminal (a shell subscription), so
/// each send is a block printed on the bot's stdout.
/// <para>
/// Two moments are measured. The lag per reminder is from its due instant to the moment its block's first line
/// could be read from the stdout pipe (the read is timed on a thread that does nothing else; the lines are split
/// afterwards): the in-process scenario's "send" (the sender called) plus the shell sender's own work (rendering the
/// text, queueing it for the terminal's writer thread, which writes what has gathered in one go) and the pipe. The
/// pipe is enlarged to 1 MB, and this process collects its own garbage before the burst and allocates without
/// collecting through it, and its thread pool doesn't spin for work, so the bot never waits for this process and
/// shares the two cores with it as little as it can. The Discord fake can't see the
/// same thing: the bot's REST client keeps Discord's 50 requests per second, so 1,000 posts at one instant take 20 s
/// by design. The cross-check is the bot's own <c>campaignbot_reminder_fire_lag_seconds</c> from its
/// <c>/metrics</c>: one value per instant, from the instant to the moment the dispatcher woke and began that
/// instant's sends (before the first sender call), read exactly from the histogram's sum; beside it, the bot's
/// collections from a second before the instant to the last print.
/// </para>
/// Options: <c>--lead S</c> (seconds from start to the first instant, default 8), <c>--bot &lt;publish dir&gt;</c>.
/// </summary>
internal sealed class FireLagBotScenario : IScenario
{
    private const int Due = 1000;
    private const long NoGcBytes = 32L << 20;
    private static readonly TimeSpan Again = TimeSpan.FromSeconds(5);

    public string Name => "fire-lag-bot";

    public string Description => "1,000 reminders due at one instant (cold, then warm) on the bot as its own process, SQLite: due instant → printed";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var build = BotUnderTest.Build(args);
        var leadAt = Array.IndexOf(args, "--lead");
        var lead = TimeSpan.FromSeconds(leadAt >= 0 ? double.Parse(args[leadAt + 1], CultureInfo.InvariantCulture) : 8);
        await using var database = new SqliteTestDatabase();
        var cold = await SeedAsync(database, lead, cancellationToken);
        var instants = new[] { ("cold", cold), ("warm", cold + Again) };
        // The seeding's garbage is collected now, not in a pause of this process's reading during a burst (15 ms).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        await using var bot = BotProcess.StartWith(BotUnderTest.Settings(database.Options.ConnectionString, "--Shell:Enabled=true"), build);
        var ready = await bot.ReadyAsync(TimeSpan.FromSeconds(60)).WaitAsync(cancellationToken);
        if (ready > cold - TimeSpan.FromSeconds(2))
        {
            throw new InvalidOperationException($"the bot was ready {(ready - bot.StartedAt).TotalSeconds:0.00} s after start, too close to the first instant; raise --lead ({lead.TotalSeconds} s)");
        }

        var pipe = StdoutPipe.Enlarge(bot.Id, 1 << 20);
        var web = await bot.WebAddressAsync();
        using var http = new HttpClient();
        var largest = 0d;
        var counters = new List<BotCounters>();
        for (var i = 0; i < instants.Length; i++)
        {
            await Task.Delay(Until(instants[i].Item2 - TimeSpan.FromSeconds(1)), cancellationToken);
            var before = await BotCounters.ReadAsync(http, web, cancellationToken);
            largest = Math.Max(largest, await BotUnderTest.SampleWhileAsync(bot, PrintedAsync(bot, (i + 1) * Due, instants[i].Item2, cancellationToken)));
            counters.Add((await BotCounters.ReadAsync(http, web, cancellationToken)).Since(before));
        }

        var memory = bot.Memory() ?? throw new InvalidOperationException($"the bot exited; it logged:\n{bot.Log}");
        var lags = await LagsAsync(bot, cold, cold + Again);
        var figures = new Dictionary<string, object> { ["ready_before_due_s"] = Math.Round((cold - ready).TotalSeconds, 2), ["stdout_pipe_bytes"] = pipe };
        var table = new Table("instant", "n", "first ms", "p50 ms", "p99 ms", "max ms", "bot's own: woke after ms", "instants recorded", "bot GCs", "GC pause ms");
        for (var i = 0; i < instants.Length; i++)
        {
            var (name, sample, seen) = (instants[i].Item1, lags[(i * Due)..((i + 1) * Due)], counters[i]);
            var (first, p50, p99, max) = (sample.Min(), Percentiles.Of(sample, 50), Percentiles.Of(sample, 99), sample.Max());
            var woke = seen.LagSeconds * 1000;
            var pause = seen.PauseSeconds * 1000;
            table.Row(name, sample.Length, Math.Round(first, 2), Math.Round(p50, 2), Math.Round(p99, 2), Math.Round(max, 2), Shown(woke, 3), Shown(seen.Instants, 0), Shown(seen.Collections, 0), Shown(pause, 2));
            figures[$"{name}_first_ms"] = Math.Round(first, 2);
            figures[$"{name}_p50_ms"] = Math.Round(p50, 2);
            figures[$"{name}_p99_ms"] = Math.Round(p99, 2);
            figures[$"{name}_max_ms"] = Math.Round(max, 2);
            Add(figures, $"{name}_bot_woke_ms", woke, 3);
            Add(figures, $"{name}_bot_gcs", seen.Collections, 0);
            Add(figures, $"{name}_bot_gc_pause_ms", pause, 2);
        }

        Console.WriteLine($"{BotUnderTest.Describe(build)}; lag: due instant → the reminder's first line read from the bot's stdout (pipe {pipe} bytes); the bot's own: due instant → its dispatcher began the sends (one value per instant); GCs from 1 s before the instant to the last print");
        Console.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"largest sampled RSS {largest} MB"));
        BotUnderTest.Report(figures, memory, build);
        await bot.StopAsync();
        return figures;
    }

    private static TimeSpan Until(DateTimeOffset at) => at - DateTimeOffset.UtcNow is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    private static object Shown(double? value, int digits) => value is { } v ? Math.Round(v, digits) : "n/a";

    private static void Add(Dictionary<string, object> figures, string key, double? value, int digits)
    {
        if (value is { } v)
        {
            figures[key] = Math.Round(v, digits);
        }
    }

    // Waits until `count` reminders in all have been printed. From just before the instant through the burst this
    // process allocates without collecting, so no pause of its own delays its reading of the lines.
    private static async Task PrintedAsync(BotProcess bot, int count, DateTimeOffset due, CancellationToken cancellationToken)
    {
        await Task.Delay(Until(due - TimeSpan.FromMilliseconds(300)), cancellationToken);
        var noGc = GC.TryStartNoGCRegion(NoGcBytes);
        try
        {
            await Task.Delay(Until(due + TimeSpan.FromMilliseconds(100)), cancellationToken);
        }
        finally
        {
            if (noGc && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }

        var deadline = due + TimeSpan.FromSeconds(30);
        while (Count(bot.Output) < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"only {Count(bot.Output)} of {count} reminders were printed; the bot logged:\n{bot.Errors}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static int Count(string output)
    {
        const string Printed = "Reminder: Bench event ";
        var count = 0;
        for (var at = output.IndexOf(Printed, StringComparison.Ordinal); at >= 0; at = output.IndexOf(Printed, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // Each reminder's lag in ms, by its number: worked out after both instants from the moments the lines came, so
    // nothing is matched while the sends are arriving.
    private static async Task<double[]> LagsAsync(BotProcess bot, DateTimeOffset cold, DateTimeOffset warm)
    {
        var lags = new double[2 * Due];
        for (var i = 0; i < lags.Length; i++)
        {
            var at = await bot.WaitForLogAsync($"Reminder: Bench event {i} starts", TimeSpan.FromSeconds(1));
            lags[i] = (at - (i < Due ? cold : warm)).TotalMilliseconds;
        }

        return lags;
    }

    // A terminal subscription, 100,000 reminders pending in the days ahead (as fire-lag has), and 2 × 1,000 events
    // whose one reminder (at the start) falls due at the cold instant `lead` from now or at the warm one after it.
    private static async Task<DateTimeOffset> SeedAsync(ITestDatabase database, TimeSpan lead, CancellationToken cancellationToken)
    {
        await using var handle = await database.OpenAsync(cancellationToken);
        var organiser = new Person(Platform.Shell, "bench", "bench");
        await handle.Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Shell, "terminal", "terminal"), EventKinds.All, organiser, DateTimeOffset.UtcNow), cancellationToken);
        await handle.Store.AddEventsAsync(BenchEngines.Events(25_000, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7)), cancellationToken);
        // Whole milliseconds, as the store keeps due times: lags are measured from the instant the bot is given.
        var cold = DateTimeOffset.FromUnixTimeMilliseconds((DateTimeOffset.UtcNow + lead).ToUnixTimeMilliseconds());
        var both = BenchEngines.Events(2 * Due, cold, TimeSpan.Zero, new ReminderPlan([TimeSpan.Zero]))
            .Select((e, i) => i < Due ? e : e with { Start = cold + Again });
        await handle.Store.AddEventsAsync([.. both], cancellationToken);
        return cold;
    }
}
