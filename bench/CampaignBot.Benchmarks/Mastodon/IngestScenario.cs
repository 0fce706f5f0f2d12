using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Scheduling;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Streaming;
using CampaignBot.Mastodon.Tagging;
using CampaignBot.Storage;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Benchmarks.Mastodon;

/// <summary>
/// Tagged statuses through the bot's stream path, from the WebSocket frame's bytes: the frame parsed, its payload
/// (a JSON string) decoded again into a status, the tracked tag matched, every auto-boost rule and both caps checked
/// and the decision stored in the ledger, the post queued for counting and written by the recorder in its batches —
/// all on the real SQLite store, composed as the host does. Each status is a new post (a unique URI) by one of 200
/// authors, a tenth of them bots, a tenth with <c>#nobot</c>, a tenth posting unlisted. A warm-up first fills the hourly
/// boost cap (its reblogs go to the fake over HTTP), so the measured posts are decided and stored without a request,
/// as on a busy tag, and then runs until the rate settles: the runtime recompiles hot code with profile-guided
/// optimisation only after it has run instrumented for a while (on one busy core that takes 20–40 s), and a bot runs
/// for days, so the figure is the steady state, not the first seconds. Ends when the last count is written. Figures:
/// statuses per wall second and per CPU second (the one-core figure; run under <c>taskset -c 0</c> to hold the process
/// to one core), bytes allocated per status, and how long the warm-up took.
/// </summary>
internal sealed class IngestScenario : IScenario
{
    private const int Authors = 200;

    // Warm-up: chunks of fresh posts for at least 45 s, then until three in a row leave the JIT (nearly) idle and are no
    // more than 5 % faster than the best before them.
    private const int WarmUpChunk = 5_000;
    private const int SettledChunks = 3;
    private const int QuietJit = 10;
    private const double Improvement = 1.05;
    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PostSpacing = TimeSpan.FromMicroseconds(50);
    private static readonly DateTime Epoch = DateTime.UtcNow;

    public string Name => "ingest";

    public string Description => "tagged statuses from stream frames parsed, boost rules applied and decided, counted in SQLite, per second (default 50,000), with and without auto-boost";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var table = new Table("path", "warm-up (s)", "statuses", "seconds", "statuses/s", "CPU seconds", "statuses per CPU second", "bytes allocated/status", "GC pauses (s)", "counted", "boost decisions stored", "boosted");
        var figures = new Dictionary<string, object> { ["statuses"] = count };
        foreach (var boost in new[] { true, false })
        {
            var run = await MeasureAsync(count, boost, cancellationToken).ConfigureAwait(false);
            table.Row(boost ? "frame → parse → rules + ledger → count" : "frame → parse → count (auto-boost off)", Math.Round(run.WarmUpSeconds, 1), count, Math.Round(run.Seconds, 3), Math.Round(count / run.Seconds), Math.Round(run.CpuSeconds, 3), Math.Round(count / run.CpuSeconds), Math.Round(run.BytesPerStatus), Math.Round(run.GcPauseSeconds, 3), run.Counted, run.Decided, run.Boosted);
            var prefix = boost ? string.Empty : "no_boost_";
            figures[$"{prefix}statuses_per_s"] = Math.Round(count / run.Seconds);
            figures[$"{prefix}statuses_per_cpu_s"] = Math.Round(count / run.CpuSeconds);
            figures[$"{prefix}bytes_per_status"] = Math.Round(run.BytesPerStatus);
            figures[$"{prefix}warm_up_s"] = Math.Round(run.WarmUpSeconds, 1);
            figures["avg_frame_bytes"] = Math.Round(run.AverageFrameBytes);
        }

        Console.WriteLine(table);
        return figures;
    }

    private static async Task<Run> MeasureAsync(int count, bool boost, CancellationToken cancellationToken)
    {
        await using var server = await FakeMastodonServer.StartAsync().ConfigureAwait(false);
        var settings = new Dictionary<string, string?> { ["Mastodon:Boost:Enabled"] = boost ? "true" : "false" };
        await using var bench = await BoostLatencyBench.CreateAsync(server, StorageProvider.Sqlite, cancellationToken, settings).ConfigureAwait(false);
        var services = bench.Services;
        var me = await services.GetRequiredService<MastodonApi>().VerifyCredentialsAsync(cancellationToken).ConfigureAwait(false);
        services.GetRequiredService<BotIdentity>().Set(me.Value ?? throw new InvalidOperationException($"verify_credentials failed: {me.Error}"), new Uri(server.InstanceUrl));
        services.GetRequiredService<TagSubscriptions>().Set([BoostLatencyBench.Tag]);
        var dispatcher = services.GetRequiredService<StreamDispatcher>();
        var recorder = services.GetRequiredService<MentionRecorder>();
        var boosts = services.GetRequiredService<BoostQueue>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var recording = recorder.RunAsync(stop.Token);
        var boosting = boosts.RunAsync(stop.Token);

        // Warm-up: the authors' real posts first (boosted over HTTP until the hourly cap is full), then fresh ones.
        var templates = Templates(server);
        await ProcessAsync(dispatcher, recorder, boosts, [.. templates.Select(Frame)], cancellationToken).ConfigureAwait(false);
        var warmUp = Stopwatch.StartNew();
        var warmed = await WarmUpAsync(dispatcher, recorder, boosts, templates, cancellationToken).ConfigureAwait(false);
        warmUp.Stop();
        var frames = Frames(templates, warmed, count);
        var averageBytes = frames.Average(f => f.Length);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        await ProcessAsync(dispatcher, recorder, boosts, frames, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(recording, boosting).ConfigureAwait(false);

        // The figures only stand if every status was really counted (and, with auto-boost on, decided).
        var counted = (await services.GetRequiredService<IHashtagCounts>().HourlyAsync(BoostLatencyBench.Tag, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), cancellationToken).ConfigureAwait(false)).Sum(c => c.Mentions);
        var summary = await bench.Ledger.SummariseAsync(cancellationToken).ConfigureAwait(false);
        var decided = summary.ByState.Values.Sum();
        var expected = templates.Count + warmed + count;
        if (counted != expected || decided != (boost ? expected : 0))
        {
            throw new InvalidOperationException($"expected {expected} counted and decided, got {counted} counted and {decided} decided");
        }

        return new Run(warmUp.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds, cpu, (double)allocated / count, paused, averageBytes, counted, decided, summary[BoostState.Boosted]);
    }

    // Fresh posts in chunks until the rate settles; returns how many were processed.
    private static async Task<int> WarmUpAsync(StreamDispatcher dispatcher, MentionRecorder recorder, BoostQueue boosts, List<JsonObject> templates, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var processed = 0;
        var best = 0d;
        var settled = 0;
        while ((settled < SettledChunks || started.Elapsed < MinWarmUp) && started.Elapsed < WarmUpLimit)
        {
            var frames = Frames(templates, processed, WarmUpChunk);
            var compiled = JitInfo.GetCompiledMethodCount();
            var chunk = Stopwatch.StartNew();
            await ProcessAsync(dispatcher, recorder, boosts, frames, cancellationToken).ConfigureAwait(false);
            var rate = WarmUpChunk / chunk.Elapsed.TotalSeconds;
            processed += WarmUpChunk;
            settled = rate > best * Improvement || JitInfo.GetCompiledMethodCount() - compiled > QuietJit ? 0 : settled + 1;
            best = Math.Max(best, rate);
        }

        return processed;
    }

    // As the WebSocket read loop does: parse the frame, dispatch the event; then wait for the recorder's last batch
    // and auto-boost's last decision.
    private static async Task ProcessAsync(StreamDispatcher dispatcher, MentionRecorder recorder, BoostQueue boosts, byte[][] frames, CancellationToken cancellationToken)
    {
        var target = recorder.Queued + frames.Length;
        var decided = boosts.Enabled ? boosts.Queued + frames.Length : 0;
        foreach (var frame in frames)
        {
            var streamEvent = StreamFrames.Parse(frame, out var problem) ?? throw new InvalidOperationException(problem);
            await dispatcher.DispatchAsync(streamEvent, cancellationToken).ConfigureAwait(false);
        }

        while (recorder.Written < target || boosts.Done < decided)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<JsonObject> Templates(FakeMastodonServer server) =>
    [
        .. Enumerable.Range(0, Authors).Select(i => server.Post(
            $"member{i}@union{i % 7}.example",
            $"Day {i} on the picket line, bring a flask <3 #{BoostLatencyBench.Tag} #NHS",
            visibility: i % 10 == 2 ? "unlisted" : "public",
            bot: i % 10 == 0,
            note: i % 10 == 1 ? "Junior doctor. #nobot please" : "Junior doctor in Leeds.",
            stream: false)),
    ];

    // Each frame a new post, created just now (20 a millisecond): its own id, URI, URL and time of posting, shaped
    // exactly like the streaming server's frames.
    private static byte[][] Frames(List<JsonObject> templates, int offset, int count)
    {
        var frames = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var status = templates[(offset + i) % templates.Count];
            var id = (114000000000000000L + offset + i).ToString(CultureInfo.InvariantCulture);
            var acct = status["account"]!["acct"]!.GetValue<string>();
            var username = status["account"]!["username"]!.GetValue<string>();
            var host = acct.Contains('@', StringComparison.Ordinal) ? acct[(acct.IndexOf('@', StringComparison.Ordinal) + 1)..] : FakeMastodonServer.Domain;
            status["id"] = id;
            status["uri"] = $"https://{host}/users/{username}/statuses/{id}";
            status["url"] = $"https://{host}/@{username}/{id}";
            status["created_at"] = Epoch.AddTicks((offset + i) * PostSpacing.Ticks).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            frames[i] = Frame(status);
        }

        return frames;
    }

    private static byte[] Frame(JsonObject status) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["stream"] = new JsonArray("hashtag", BoostLatencyBench.Tag.ToLowerInvariant()),
        ["event"] = "update",
        ["payload"] = status.ToJsonString(),
    }.ToJsonString());

    private sealed record Run(double WarmUpSeconds, double Seconds, double CpuSeconds, double BytesPerStatus, double GcPauseSeconds, double AverageFrameBytes, int Counted, int Decided, int Boosted);
}
