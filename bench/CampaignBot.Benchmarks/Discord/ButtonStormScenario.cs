using System.Collections.Concurrent;
using System.Globalization;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Benchmarks.Discord;

/// <summary>
/// N members press the buttons of one event card within S seconds (default 1,000 in 10 s), against a fake Discord
/// enforcing its rate limits (50/s global, 5 per 5 s per channel). Reports receipt → callback latency, whether the
/// card's final counts are exact and how soon after the last press, how many card edits were made and their
/// smallest gap, and 429s.
/// </summary>
internal sealed class ButtonStormScenario : IScenario
{
    private const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    private const string Edit = "PATCH /channels/{channel_id}/messages/{message_id}";
    private const string ChannelId = "1400000000000000001";

    public string Name => "button-storm";

    public string Description => "N presses from N members on one card within S seconds (default 1000 in 10 s)";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var presses = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        await using var server = await FakeDiscordServer.StartAsync().ConfigureAwait(false);
        server.RateLimits.GlobalPerSecond = 50;
        server.RateLimits.RouteLimit = 5;
        await using var bench = await DiscordBench.CreateAsync(server).ConfigureAwait(false);
        var store = bench.Services.GetRequiredService<ICampaignStore>();
        var organiser = new Person(Platform.Discord, "1500000000000000001", "Rosa");
        await store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, ChannelId, "#actions"), EventKinds.All, organiser, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
        var storm = await AddEventAsync(store, "Storm march", organiser, cancellationToken).ConfigureAwait(false);
        var warm = await AddEventAsync(store, "Warm-up rally", organiser, cancellationToken).ConfigureAwait(false);
        await bench.StartAdapterAsync(cancellationToken).ConfigureAwait(false);
        var cards = bench.Services.GetRequiredService<EventCards>();
        await cards.PostAsync(warm, cancellationToken).ConfigureAwait(false);
        await cards.PostAsync(storm, cancellationToken).ConfigureAwait(false);
        var warmCard = (await store.ListEventCardsAsync(warm.Id, cancellationToken).ConfigureAwait(false))[0].MessageId;
        var stormCard = (await store.ListEventCardsAsync(storm.Id, cancellationToken).ConfigureAwait(false))[0].MessageId;

        // Warm-up on another card: JIT, connection pool, SQLite.
        var warmSent = new ConcurrentDictionary<string, long>();
        await PressAsync(server, warm.Id, warmCard, 50, 1, 2_000_000, warmSent, cancellationToken).ConfigureAwait(false);
        await server.Requests.WaitForCountAsync(r => r.Route == Callback && warmSent.ContainsKey(r.Parameters["interaction_id"]), warmSent.Count, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var timings = await bench.ClearWarmUpTimingsAsync(warmSent.Count, cancellationToken).ConfigureAwait(false);
        var tooManyBefore = server.TooManyRequests;
        var sent = new ConcurrentDictionary<string, long>();
        await PressAsync(server, storm.Id, stormCard, presses, seconds, 0, sent, cancellationToken).ConfigureAwait(false);
        var lastPress = TimeProvider.System.GetTimestamp();
        var callbacks = await server.Requests.WaitForCountAsync(r => r.Route == Callback && sent.ContainsKey(r.Parameters["interaction_id"]), presses, TimeSpan.FromSeconds(30)).ConfigureAwait(false);

        var expected = Expected(presses);
        var exactText = $"RSVPs: {expected.Going} going · {expected.Maybe} maybe · {expected.NotGoing} not going";
        var exact = await server.Edits.WaitAsync(e => e.Id == stormCard && CardText(e).Contains(exactText, StringComparison.Ordinal), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        var exactAfter = TimeProvider.System.GetElapsedTime(lastPress).TotalMilliseconds;
        await Task.Delay(2500, cancellationToken).ConfigureAwait(false); // any edit still to come would show here
        var stored = (await store.GetRsvpCountsAsync([storm.Id], cancellationToken).ConfigureAwait(false))[storm.Id];

        var edits = server.RequestsTo(Edit).Where(r => r.Parameters["message_id"] == stormCard).ToList();
        var minGap = edits.Zip(edits.Skip(1), (a, b) => TimeProvider.System.GetElapsedTime(a.Timestamp, b.Timestamp).TotalMilliseconds).DefaultIfEmpty(double.NaN).Min();
        var inBot = timings.Snapshot();
        var roundTrips = callbacks.Select(c => TimeProvider.System.GetElapsedTime(sent[c.Parameters["interaction_id"]], c.Timestamp).TotalMilliseconds).ToList();
        var deferred = callbacks.Count(c => c.Body?["type"]?.GetValue<int>() == 6);
        var tooMany = server.TooManyRequests - tooManyBefore;
        var (p50, p99, max) = (Percentiles.Of(inBot, 50), Percentiles.Of(inBot, 99), inBot.Max());
        Console.WriteLine(new Table("measured", "presses", "p50 (ms)", "p99 (ms)", "max (ms)", "deferred")
            .Row("bot: receipt → callback sent", inBot.Count, p50, p99, max, deferred)
            .Row("fake: dispatch sent → callback received", roundTrips.Count, Percentiles.Of(roundTrips, 50), Percentiles.Of(roundTrips, 99), roundTrips.Max(), deferred));
        Console.WriteLine(new Table("card", "edits", "min gap (ms)", "exact after last press (ms)", "stored counts", "card exact", "429s")
            .Row("storm card", edits.Count, minGap, exactAfter, $"{stored.Going}/{stored.Maybe}/{stored.NotGoing}", stored == expected && exact is not null, tooMany));
        return new Dictionary<string, object>
        {
            ["presses"] = presses,
            ["seconds"] = seconds,
            ["receipt_to_callback_p50_ms"] = Math.Round(p50, 3),
            ["receipt_to_callback_p99_ms"] = Math.Round(p99, 3),
            ["receipt_to_callback_max_ms"] = Math.Round(max, 3),
            ["round_trip_p99_ms"] = Math.Round(Percentiles.Of(roundTrips, 99), 3),
            ["deferred"] = deferred,
            ["counts_exact"] = stored == expected && exact is not null,
            ["exact_after_last_press_ms"] = Math.Round(exactAfter, 1),
            ["card_edits"] = edits.Count,
            ["min_edit_gap_ms"] = Math.Round(minGap, 1),
            ["http_429"] = tooMany,
        };
    }

    // Every third member says maybe, every seventh can't go, the rest are going.
    private static string Verb(int i) => i % 7 == 0 ? "not-going" : i % 3 == 0 ? "maybe" : "going";

    private static RsvpCounts Expected(int presses)
    {
        var verbs = Enumerable.Range(0, presses).Select(Verb).ToList();
        return new RsvpCounts(verbs.Count(v => v == "going"), verbs.Count(v => v == "maybe"), verbs.Count(v => v == "not-going"));
    }

    private static string CardText(PostedMessage message) => message.Body["embeds"]?[0]?["description"]?.GetValue<string>() ?? string.Empty;

    private static Task<CampaignEvent> AddEventAsync(ICampaignStore store, string title, Person organiser, CancellationToken cancellationToken) =>
        store.AddEventAsync(new CampaignEvent
        {
            Kind = EventKind.March,
            Title = title,
            Start = DateTimeOffset.UtcNow.AddDays(3),
            End = DateTimeOffset.UtcNow.AddDays(3).AddHours(3),
            TimeZoneId = "Europe/London",
            CreatedBy = organiser,
            CreatedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);

    private static async Task PressAsync(FakeDiscordServer server, long eventId, string messageId, int presses, int seconds, long userOffset, ConcurrentDictionary<string, long> sent, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds((double)seconds / presses));
        for (var i = 0; i < presses; i++)
        {
            await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            var member = (1600000000000000000 + userOffset + i).ToString(CultureInfo.InvariantCulture);
            var press = InteractionPayloads.Press($"cb1:{Verb(i)}:{eventId}", messageId, member, $"member{i}");
            sent[press["id"]!.GetValue<string>()] = TimeProvider.System.GetTimestamp();
            await server.SendInteractionAsync(press).ConfigureAwait(false);
        }
    }
}
