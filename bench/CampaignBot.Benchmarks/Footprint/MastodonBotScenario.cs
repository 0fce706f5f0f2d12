using System.Globalization;
using CampaignBot.Testing.Mastodon;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// The Mastodon workload with the bot as its own process: N tagged posts (default 500) at R a second (default 20) on
/// the fake's hashtag stream, by 200 authors (a tenth of them bots, a tenth with <c>#nobot</c>, a tenth unlisted), with
/// auto-boost on; every post counted and decided by the bot as it would be live. Reports the bot's own peak RSS and
/// what it boosted. Options: <c>N</c>, <c>--rate R</c>, <c>--bot &lt;publish dir&gt;</c>.
/// </summary>
internal sealed class MastodonBotScenario : IScenario
{
    private const string Tag = "NotSafeNotFair";
    private const int Authors = 200;

    public string Name => "mastodon-bot";

    public string Description => "N tagged Mastodon posts (default 500) at 20/s with auto-boost, the bot as its own process: its peak RSS";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 500;
        var rateAt = Array.IndexOf(args, "--rate");
        var rate = rateAt >= 0 ? double.Parse(args[rateAt + 1], CultureInfo.InvariantCulture) : 20;
        var build = BotUnderTest.Build(args);
        await using var server = await FakeMastodonServer.StartAsync();
        var database = BotUnderTest.TempDatabase();
        try
        {
            await using var bot = BotProcess.StartWith(BotUnderTest.Settings(
                $"Data Source={database}",
                $"--Campaign:Hashtags:0={Tag}",
                $"--Mastodon:InstanceUrl={server.InstanceUrl}",
                $"--Mastodon:AccessToken={server.Token}",
                "--Mastodon:Boost:Enabled=true"), build);
            var subscribed = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
            while (!server.IsSubscribed($"hashtag:{Tag.ToLowerInvariant()}"))
            {
                if (DateTimeOffset.UtcNow > subscribed || bot.HasExited)
                {
                    throw new TimeoutException($"the bot did not stream #{Tag}; it logged:\n{bot.Log}");
                }

                await Task.Delay(100, cancellationToken);
            }

            var posting = PostAsync(server, count, rate, cancellationToken);
            var largest = await BotUnderTest.SampleWhileAsync(bot, posting.ContinueWith(_ => BotUnderTest.StillAsync(bot, cancellationToken), TaskScheduler.Default).Unwrap());
            var seconds = await posting;
            var memory = bot.Memory() ?? throw new InvalidOperationException("the bot exited");
            Console.WriteLine(new Table("posts", "rate (/s)", "posting (s)", "boosted", "429s", "peak RSS (MB)", "largest sampled RSS")
                .Row(count, rate, Math.Round(seconds, 2), server.Reblogs.Count, server.TooManyRequests, memory.PeakMb, largest));
            var figures = new Dictionary<string, object>
            {
                ["posts"] = count,
                ["rate_per_s"] = rate,
                ["boosted"] = server.Reblogs.Count,
                ["http_429"] = server.TooManyRequests,
            };
            BotUnderTest.Report(figures, memory, build);
            await bot.StopAsync();
            return figures;
        }
        finally
        {
            BotUnderTest.Delete(database);
        }
    }

    // Posts at a steady rate against the clock (not sleep-after-each), so a slow moment doesn't lower the rate.
    private static async Task<double> PostAsync(FakeMastodonServer server, int count, double rate, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var at = TimeSpan.FromSeconds(i / rate);
            if (at > clock.Elapsed)
            {
                await Task.Delay(at - clock.Elapsed, cancellationToken);
            }

            var author = i % Authors;
            server.Post(
                $"member{author}@union{author % 7}.example",
                $"Day {i} on the picket line, bring a flask <3 #{Tag} #NHS",
                visibility: author % 10 == 2 ? "unlisted" : "public",
                bot: author % 10 == 0,
                note: author % 10 == 1 ? "Junior doctor. #nobot please" : "Junior doctor in Leeds.");
        }

        return clock.Elapsed.TotalSeconds;
    }
}
