using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Benchmarks.Discord;

/// <summary>
/// INTERACTION_CREATE sent by the fake gateway at a steady rate. Reported twice: inside the bot, from receipt of the
/// dispatch to the callback request being answered; and from the fake sending the dispatch to the callback arriving
/// back at the fake (both loopback hops included).
/// </summary>
internal sealed class InteractionLatencyScenario : IScenario
{
    private const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";

    public string Name => "interaction-latency";

    public string Description => "dispatch → callback latency at R interactions/s (default 100/s for 10 s)";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        await using var server = await FakeDiscordServer.StartAsync().ConfigureAwait(false);
        await using var bench = await DiscordBench.CreateAsync(server).ConfigureAwait(false);
        var store = bench.Services.GetRequiredService<ICampaignStore>();
        for (var i = 0; i < 20; i++)
        {
            await store.AddEventAsync(new CampaignEvent
            {
                Kind = EventKind.March,
                Title = $"March {i}",
                Start = DateTimeOffset.UtcNow.AddDays(i + 1),
                TimeZoneId = "Europe/London",
                CreatedBy = new Person(Platform.Discord, "1500000000000000001", "Rosa"),
                CreatedAt = DateTimeOffset.UtcNow,
            }, cancellationToken).ConfigureAwait(false);
        }

        await bench.StartAdapterAsync(cancellationToken).ConfigureAwait(false);

        // Warm-up: JIT, connection pool, SQLite.
        var warmUp = new ConcurrentDictionary<string, long>();
        await SendAsync(server, rate, 2, warmUp, cancellationToken).ConfigureAwait(false);
        await server.Requests.WaitForCountAsync(r => r.Route == Callback && warmUp.ContainsKey(r.Parameters["interaction_id"]), warmUp.Count, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var timings = await bench.ClearWarmUpTimingsAsync(warmUp.Count, cancellationToken).ConfigureAwait(false);
        var sent = new ConcurrentDictionary<string, long>();
        var total = rate * seconds;
        await SendAsync(server, rate, seconds, sent, cancellationToken).ConfigureAwait(false);
        var callbacks = await server.Requests.WaitForCountAsync(r => r.Route == Callback && sent.ContainsKey(r.Parameters["interaction_id"]), total, TimeSpan.FromSeconds(30)).ConfigureAwait(false);

        var latencies = callbacks
            .Select(c => TimeProvider.System.GetElapsedTime(sent[c.Parameters["interaction_id"]], c.Timestamp).TotalMilliseconds)
            .ToList();
        var deferred = callbacks.Count(c => c.Body?["type"]?.GetValue<int>() == 5);
        var (p50, p99, max) = (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Max());
        var inBot = timings.Snapshot();
        var (botP50, botP99, botMax) = (Percentiles.Of(inBot, 50), Percentiles.Of(inBot, 99), inBot.Max());
        Console.WriteLine(new Table("measured", "rate/s", "interactions", "p50 (ms)", "p99 (ms)", "max (ms)", "deferred")
            .Row("bot: receipt → callback sent", rate, inBot.Count, botP50, botP99, botMax, deferred)
            .Row("fake: dispatch sent → callback received", rate, latencies.Count, p50, p99, max, deferred));
        return new Dictionary<string, object>
        {
            ["rate_per_s"] = rate,
            ["interactions"] = latencies.Count,
            ["receipt_to_callback_p50_ms"] = Math.Round(botP50, 3),
            ["receipt_to_callback_p99_ms"] = Math.Round(botP99, 3),
            ["receipt_to_callback_max_ms"] = Math.Round(botMax, 3),
            ["round_trip_p50_ms"] = Math.Round(p50, 3),
            ["round_trip_p99_ms"] = Math.Round(p99, 3),
            ["round_trip_max_ms"] = Math.Round(max, 3),
            ["deferred"] = deferred,
        };
    }

    private static async Task SendAsync(FakeDiscordServer server, int rate, int seconds, ConcurrentDictionary<string, long> sent, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        for (var i = 0; i < rate * seconds; i++)
        {
            await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            var interaction = Interaction(i);
            sent[interaction["id"]!.GetValue<string>()] = TimeProvider.System.GetTimestamp();
            await server.SendDispatchAsync("INTERACTION_CREATE", interaction).ConfigureAwait(false);
        }
    }

    private static long _next = 1300000000000000000;

    private static JsonObject Interaction(int i)
    {
        var id = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        var (name, sub, options) = (i % 2) switch
        {
            0 => ("event", "list", new JsonArray()),
            _ => ("event", "info", new JsonArray(new JsonObject { ["name"] = "event", ["type"] = 3, ["value"] = $"{(i % 20) + 1}" })),
        };
        return new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscordServer.ApplicationId,
            ["type"] = 2,
            ["token"] = $"bench-token-{id}",
            ["version"] = 1,
            ["guild_id"] = FakeDiscordServer.GuildId,
            ["channel_id"] = "1400000000000000001",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "1500000000000000002", ["username"] = "sam" },
                ["roles"] = new JsonArray(),
                ["permissions"] = "0",
            },
            ["data"] = new JsonObject
            {
                ["id"] = "1700000000000000001",
                ["name"] = name,
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = sub, ["type"] = 1, ["options"] = options }),
            },
        };
    }
}
