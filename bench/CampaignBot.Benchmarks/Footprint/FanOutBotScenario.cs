using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Discord;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// The fan-out with the bot as its own process: one reminder, seeded into its SQLite database before it starts (as the
/// chaos drill seeds), falls due to N subscribed channels (default 1,000) against the fake enforcing 50/s global and
/// 5 per 5 s per channel. Reports the delivery against its floor and 429s, as <c>fan-out</c> does, and the bot's own
/// peak RSS. Options: <c>N</c>, <c>--bot &lt;publish dir&gt;</c>.
/// </summary>
internal sealed class FanOutBotScenario : IScenario
{
    private const string Title = "Save our NHS march";
    private const string Route = "POST /channels/{channel_id}/messages";
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(12);

    public string Name => "fan-out-bot";

    public string Description => "fan-out to N channels (default 1000) by the bot as its own process: delivery against the floor, the bot's peak RSS";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var channels = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1000;
        var build = BotUnderTest.Build(args);
        await using var server = await FakeDiscordServer.StartAsync();
        server.RateLimits.GlobalPerSecond = 50;
        server.RateLimits.RouteLimit = 5;
        server.RateLimits.RouteWindow = TimeSpan.FromSeconds(5);
        await using var database = new SqliteTestDatabase();
        var due = await SeedAsync(database, channels, cancellationToken);

        await using var bot = BotProcess.StartWith(BotUnderTest.Settings(database.Options.ConnectionString, server.BotSettings), build);
        await bot.ReadyAsync(TimeSpan.FromSeconds(60)).WaitAsync(cancellationToken);
        if (DateTimeOffset.UtcNow > due)
        {
            throw new InvalidOperationException($"the bot was ready only after the reminder fell due; raise the lead ({Lead})");
        }

        var largest = await BotUnderTest.SampleWhileAsync(bot, DeliveredAsync(server, channels, cancellationToken));
        var memory = bot.Memory() ?? throw new InvalidOperationException("the bot exited");
        var posts = server.Requests.Items.Where(r => r.Route == Route && r.Status == 200 && Reminder(r)).ToArray();
        var seconds = (posts.Max(p => p.At) - posts.Min(p => p.At)).TotalSeconds;
        var dueToLast = (posts.Max(p => p.At) - due).TotalSeconds;
        var floor = Math.Ceiling(channels / 50.0) - 1;
        var delivered = server.Messages.Items.Where(m => m.Content?.Contains(Title, StringComparison.Ordinal) == true || m.Body.ToJsonString().Contains(Title, StringComparison.Ordinal)).Select(m => m.ChannelId).Distinct().Count();
        Console.WriteLine(new Table("channels", "first → last post (s)", "floor (s)", "ratio", "due → last (s)", "429s", "delivered", "peak RSS (MB)", "largest sampled RSS")
            .Row(channels, Math.Round(seconds, 3), floor, Math.Round(seconds / floor, 4), Math.Round(dueToLast, 3), server.TooManyRequests, delivered, memory.PeakMb, largest));
        var figures = new Dictionary<string, object>
        {
            ["channels"] = channels,
            ["seconds"] = Math.Round(seconds, 3),
            ["floor_seconds"] = floor,
            ["ratio_to_floor"] = Math.Round(seconds / floor, 4),
            ["due_to_last_s"] = Math.Round(dueToLast, 3),
            ["http_429"] = server.TooManyRequests,
            ["delivered"] = delivered,
        };
        BotUnderTest.Report(figures, memory, build);
        await bot.StopAsync();
        return figures;
    }

    private static bool Reminder(RecordedRequest request) => request.Body?.ToJsonString().Contains(Title, StringComparison.Ordinal) == true;

    private static async Task DeliveredAsync(FakeDiscordServer server, int channels, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Lead + TimeSpan.FromSeconds((channels / 50.0) + 60);
        while (server.Requests.Items.Count(r => r.Route == Route && r.Status == 200 && Reminder(r)) < channels)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"only {server.Messages.Count} of {channels} channels got the reminder");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    // N subscribed channels and one event whose single reminder falls due `Lead` from now.
    private static async Task<DateTimeOffset> SeedAsync(ITestDatabase database, int channels, CancellationToken cancellationToken)
    {
        await using var handle = await database.OpenAsync(cancellationToken);
        var organiser = new Person(Platform.Discord, "1500000000000000001", "Organiser");
        for (var i = 0; i < channels; i++)
        {
            var channel = (1_400_000_000_000_010_000L + i).ToString(CultureInfo.InvariantCulture);
            await handle.Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, channel, $"#branch-{i}"), EventKinds.All, organiser, DateTimeOffset.UtcNow), cancellationToken);
        }

        var due = DateTimeOffset.FromUnixTimeMilliseconds((DateTimeOffset.UtcNow + Lead).ToUnixTimeMilliseconds());
        await handle.Store.AddEventAsync(new CampaignEvent
        {
            Kind = EventKind.March,
            Title = Title,
            Start = due + TimeSpan.FromHours(2),
            TimeZoneId = "Europe/London",
            Location = "Parliament Square, London",
            Reminders = new ReminderPlan([TimeSpan.FromHours(2)]),
            CreatedBy = organiser,
            CreatedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);
        return due;
    }
}
