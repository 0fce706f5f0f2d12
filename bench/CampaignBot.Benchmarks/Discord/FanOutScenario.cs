using System.Diagnostics;
using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Benchmarks.Discord;

/// <summary>One reminder to 1,000 channels against the fake enforcing 50/s global and 5 per 5 s per channel.</summary>
internal sealed class FanOutScenario : IScenario
{
    public string Name => "fan-out";

    public string Description => "one reminder to N channels (default 1000) at Discord's 50/s global limit";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var channels = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        await using var server = await FakeDiscordServer.StartAsync().ConfigureAwait(false);
        server.RateLimits.GlobalPerSecond = 50;
        server.RateLimits.RouteLimit = 5;
        server.RateLimits.RouteWindow = TimeSpan.FromSeconds(5);
        await using var bench = await DiscordBench.CreateAsync(server).ConfigureAwait(false);
        var sender = bench.Services.GetRequiredService<IChatSender>();
        var start = DateTimeOffset.UtcNow.AddHours(2);
        var reminder = new ReplyBuilder("Reminder: Save our NHS march").Line("Starts ", new TimeFragment(start, "Europe/London", Relative: true)).Line("Parliament Square, London").Build();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, channels).Select(i =>
            sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, (1400000000000010000L + i).ToString(CultureInfo.InvariantCulture)), reminder, $"reminder:1:2h:{i}"), cancellationToken))).ConfigureAwait(false);
        clock.Stop();

        // With a one-second sliding window the first 50 go at 0 s and the last 50 at ceil(N/50) - 1 s; the issue's
        // "about 20 s" is N / 50. Both ratios are reported.
        var floor = Math.Ceiling(channels / 50.0) - 1;
        var nominal = channels / 50.0;
        var seconds = clock.Elapsed.TotalSeconds;
        var failed = results.Count(r => !r.IsSuccess);
        Console.WriteLine(new Table("channels", "time (s)", "floor (s)", "ratio", "N/50 (s)", "ratio to N/50", "429s", "failed", "delivered")
            .Row(channels, seconds, floor, seconds / floor, nominal, seconds / nominal, server.TooManyRequests, failed, server.Messages.Count));
        return new Dictionary<string, object>
        {
            ["channels"] = channels,
            ["seconds"] = Math.Round(seconds, 3),
            ["floor_seconds"] = floor,
            ["ratio_to_floor"] = Math.Round(seconds / floor, 4),
            ["ratio_to_n_over_50"] = Math.Round(seconds / nominal, 4),
            ["http_429"] = server.TooManyRequests,
            ["failed"] = failed,
        };
    }
}
