using System.Diagnostics;
using System.Globalization;
using CampaignBot.Commands;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Mastodon;
using CampaignBot.Mastodon.Mentions;
using CampaignBot.Mastodon.Tagging;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignBot.Benchmarks.Mastodon;

/// <summary>
/// Polling discipline on a server without streaming: 10 tracked hashtags read for an hour of simulated time by the
/// real <see cref="TagPoller"/> and mention pump, round by round as the adapter's polling loop does (every
/// <c>Mastodon:PollInterval</c>, default 15 s), against the fake with its 300-requests-per-5-minutes limit enforced on
/// the same simulated clock. Posts arrive at 10 per second across the tags, skewed (the busiest tag takes about a
/// third), none of them streamed. Then 5 simulated minutes without posts let the last ones be read. Figures: the peak
/// share of the 5-minute budget used in any window, the 429s, and posts never counted in the SQLite store.
/// </summary>
internal sealed class PollingScenario : IScenario
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Drain = TimeSpan.FromMinutes(5);

    public string Name => "polling";

    public string Description => "10 hashtags polled for an hour of simulated time at up to 10 posts/s: budget share, 429s, posts missed";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var perSecond = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var duration = TimeSpan.FromMinutes(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60);
        string[] tags = ["NotSafeNotFair", "ImInWorkJeremy", "JuniorDoctorContracts", "LoveYourNHS", "SaveOurNHS", "JuniorDoctorsStrike", "NHSWorkers", "Picket", "Solidarity", "DoctorsMarch"];
        var weights = tags.Select((_, i) => 1.0 / (i + 1)).ToArray();
        var total = weights.Sum();

        var clock = new SimulatedClock(DateTimeOffset.UtcNow);
        await using var server = await FakeMastodonServer.StartAsync().ConfigureAwait(false);
        server.Clock = clock;
        server.Streaming = FakeMastodonStreaming.None;
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, cancellationToken).ConfigureAwait(false);
        var handle = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var services = Compose(server, handle, clock, tags);
        var options = services.GetRequiredService<IOptions<MastodonOptions>>().Value;
        var poller = services.GetRequiredService<TagPoller>();
        var pump = services.GetRequiredService<NotificationPump>();
        var recorder = services.GetRequiredService<MentionRecorder>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var recording = recorder.RunAsync(stop.Token);

        var random = new Random(2016);
        var posted = tags.ToDictionary(t => t, _ => 0);
        var started = clock.GetUtcNow();
        var wall = Stopwatch.StartNew();
        var nextRound = started;
        for (var second = 0; clock.GetUtcNow() - started < duration + Drain; second++)
        {
            if (clock.GetUtcNow() - started < duration)
            {
                for (var i = 0; i < perSecond; i++)
                {
                    var tag = Pick(tags, weights, total, random);
                    server.Post($"member{random.Next(50)}@union{random.Next(5)}.example", $"On the line today #{tag}", stream: false);
                    posted[tag]++;
                }
            }

            if (clock.GetUtcNow() >= nextRound)
            {
                // The adapter's polling loop: poke the mention pump, poll the tags that are due.
                await pump.CatchUpAsync(cancellationToken).ConfigureAwait(false);
                await poller.PollAsync(tags, TagSource.Poll, cancellationToken).ConfigureAwait(false);
                nextRound += options.PollInterval;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        while (recorder.Written < recorder.Queued)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }

        wall.Stop();
        await stop.CancelAsync().ConfigureAwait(false);
        await recording.ConfigureAwait(false);

        var counts = services.GetRequiredService<IHashtagCounts>();
        var table = new Table("tag", "posted", "counted", "missed");
        var missed = 0;
        foreach (var tag in tags)
        {
            var counted = (await counts.HourlyAsync(tag, started.AddDays(-1), clock.GetUtcNow().AddDays(1), cancellationToken).ConfigureAwait(false)).Sum(c => c.Mentions);
            missed += posted[tag] - counted;
            table.Row($"#{tag}", posted[tag], counted, posted[tag] - counted);
        }

        var tagRequests = server.RequestsTo("GET /api/v1/timelines/tag/{hashtag}").Count;
        var mentionRequests = server.RequestsTo("GET /api/v1/notifications").Count;
        Console.WriteLine(table);
        Console.WriteLine(new Table("simulated", "posts/s", "tag requests", "mention requests", "peak share of 300/5 min", "429s", "posts missed", "wall seconds")
            .Row($"{duration.TotalMinutes} min + {Drain.TotalMinutes} min drain", perSecond, tagRequests, mentionRequests, $"{server.PeakApiUse:P1}", server.TooManyRequests, missed, Math.Round(wall.Elapsed.TotalSeconds, 1)));
        return new Dictionary<string, object>
        {
            ["simulated_minutes"] = duration.TotalMinutes,
            ["posts_per_s"] = perSecond,
            ["posts"] = posted.Values.Sum(),
            ["tag_requests"] = tagRequests,
            ["mention_requests"] = mentionRequests,
            ["peak_budget_share"] = Math.Round(server.PeakApiUse, 4),
            ["too_many_requests"] = server.TooManyRequests,
            ["posts_missed"] = missed,
        };
    }

    private static string Pick(string[] tags, double[] weights, double total, Random random)
    {
        var x = random.NextDouble() * total;
        for (var i = 0; i < tags.Length; i++)
        {
            x -= weights[i];
            if (x <= 0)
            {
                return tags[i];
            }
        }

        return tags[^1];
    }

    private static ServiceProvider Compose(FakeMastodonServer server, CampaignStoreHandle handle, TimeProvider clock, string[] tags)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mastodon:InstanceUrl"] = server.InstanceUrl,
            ["Mastodon:AccessToken"] = server.Token,
            ["Mastodon:Streaming"] = "polling",

            // Polling alone is measured, as before auto-boost came with the adapter.
            ["Mastodon:Boost:Enabled"] = "false",
        };
        for (var i = 0; i < tags.Length; i++)
        {
            settings[$"Campaign:Hashtags:{i}"] = tags[i];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var mentions = new SqlHashtagMentionStore(handle.DataSource);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(clock)
            .AddSingleton(handle.Store)
            .AddMastodonLedgers(handle.DataSource)
            .AddSingleton<IBoostLedger>(new SqlBoostLedger(handle.DataSource))
            .AddSingleton<IHashtagMentionSink>(mentions)
            .AddSingleton<IHashtagCounts>(mentions)
            .Configure<CampaignOptions>(configuration.GetSection(CampaignOptions.Section));
        services.AddCampaignCommands();
        services.AddMastodonAdapter();
        return services.BuildServiceProvider();
    }
}
