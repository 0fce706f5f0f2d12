using System.Diagnostics;
using System.Globalization;
using CampaignBot.Core.Boosting;
using CampaignBot.Storage;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Benchmarks.Mastodon;

/// <summary>
/// A tagged post pushed on the fake's hashtag stream → the reblog request arriving back at the fake, through the
/// real path: WebSocket frame, payload parsed, tracked tag matched, counted, every consent rule and both caps
/// checked against the store, the claim persisted, the REST reblog sent, its outcome persisted. Posts go one at a
/// time, each a simulated minute after the last (hourly cap at 60, so its window stays populated but never full),
/// each by a new author. SQLite always; PostgreSQL too when CAMPAIGNBOT_TEST_POSTGRES is set.
/// </summary>
internal sealed class BoostLatencyScenario : IScenario
{
    private const int WarmUp = 30;

    public string Name => "boost-latency";

    public string Description => "tagged post on the stream → reblog request at the fake, rules applied and decision persisted (default 500 posts)";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var engines = new List<StorageProvider> { StorageProvider.Sqlite };
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CAMPAIGNBOT_TEST_POSTGRES")))
        {
            engines.Add(StorageProvider.Postgres);
        }
        else
        {
            Console.WriteLine("(PostgreSQL skipped: set CAMPAIGNBOT_TEST_POSTGRES to an Npgsql connection string to include it.)");
        }

        var table = new Table("engine", "first post after start (ms)", "posts", "p50 (ms)", "p90 (ms)", "p99 (ms)", "max (ms)", "boosted in ledger", "reblog requests");
        var figures = new Dictionary<string, object> { ["posts"] = posts, ["path"] = "fake stream frame -> reblog request at fake" };
        foreach (var engine in engines)
        {
            var (cold, latencies, boosted, requests) = await MeasureAsync(engine, posts, cancellationToken).ConfigureAwait(false);
            var (p50, p90, p99, max) = (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 90), Percentiles.Of(latencies, 99), latencies.Max());
            var name = engine == StorageProvider.Sqlite ? "SQLite" : "PostgreSQL";
            table.Row(name, cold, latencies.Count, p50, p90, p99, max, boosted, requests);
            var key = engine == StorageProvider.Sqlite ? "sqlite" : "postgres";
            figures[$"{key}_first_ms"] = Math.Round(cold, 3);
            figures[$"{key}_p50_ms"] = Math.Round(p50, 3);
            figures[$"{key}_p99_ms"] = Math.Round(p99, 3);
            figures[$"{key}_max_ms"] = Math.Round(max, 3);
            figures[$"{key}_boosted"] = boosted;
            if (engine == StorageProvider.Sqlite)
            {
                figures["first_ms"] = Math.Round(cold, 3);
                figures["p50_ms"] = Math.Round(p50, 3);
                figures["p99_ms"] = Math.Round(p99, 3);
            }
        }

        Console.WriteLine(table);
        return figures;
    }

    private static async Task<(double Cold, List<double> Latencies, int Boosted, int Requests)> MeasureAsync(StorageProvider engine, int posts, CancellationToken cancellationToken)
    {
        await using var server = await FakeMastodonServer.StartAsync().ConfigureAwait(false);
        await using var bench = await BoostLatencyBench.CreateAsync(server, engine, cancellationToken).ConfigureAwait(false);
        await bench.StartAsync(cancellationToken).ConfigureAwait(false);

        // The first tagged post after start is the cold one (the bot's path not yet compiled, nothing of it cached;
        // the fake's own first post is cold too, so the process-based start scenario measures it more fairly); the
        // warm-up after it brings the steady state that the percentiles measure.
        var cold = await PostAndWaitAsync(bench, "warm0", cancellationToken).ConfigureAwait(false);
        for (var i = 1; i < WarmUp; i++)
        {
            await PostAndWaitAsync(bench, $"warm{i}", cancellationToken).ConfigureAwait(false);
        }

        var latencies = new List<double>(posts);
        for (var i = 0; i < posts; i++)
        {
            latencies.Add(await PostAndWaitAsync(bench, $"user{i}", cancellationToken).ConfigureAwait(false));
        }

        var summary = await bench.Ledger.SummariseAsync(cancellationToken).ConfigureAwait(false);
        return (cold, latencies, summary[BoostState.Boosted] - WarmUp, server.Reblogs.Count - WarmUp);
    }

    private static async Task<double> PostAndWaitAsync(BoostLatencyBench bench, string author, CancellationToken cancellationToken)
    {
        bench.Clock.Advance(TimeSpan.FromSeconds(61));
        var started = Stopwatch.GetTimestamp();
        var status = bench.Server.Post($"{author}@union.example", $"On the picket line #{BoostLatencyBench.Tag}");
        var id = status["id"]!.GetValue<string>();
        await bench.Server.Reblogs.WaitAsync(reblogged => reblogged == id, TimeSpan.FromSeconds(10), $"the reblog of {id}").WaitAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // Let the outcome be persisted before the next post, as a live stream's posts rarely come back to back.
        await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        return elapsed;
    }
}
