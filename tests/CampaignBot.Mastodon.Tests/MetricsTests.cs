using CampaignBot.Testing.Telemetry;

namespace CampaignBot.Mastodon.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Stream_mode_reconnects_and_counted_mentions_are_recorded()
    {
        using var metrics = new MetricRecorder();
        await using var bot = await MastodonHarness.CreateAsync(s => s["Mastodon:PollInterval"] = "00:05:00");
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Server.IsSubscribed("hashtag:notsafenotfair")), "the hashtag subscription");
        var connections = bot.Server.StreamConnections.Count;
        // Other tests' adapters may be listening too: this one counts towards websocket, whatever theirs do.
        Assert.Contains(metrics.Values("campaignbot.mastodon.stream.mode", ("mode", "websocket")), adapters => adapters >= 1);

        bot.Server.Post("alice", "Walkout at noon #NotSafeNotFair");
        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the tagged post counted");
        bot.Server.DropStreams();
        await bot.Server.StreamConnections.WaitForCountAsync(_ => true, connections + 1);

        Assert.Contains(metrics.Values("campaignbot.hashtag.mentions"), count => count >= 1);
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(metrics.Values("campaignbot.mastodon.stream.reconnects").Count > 0), "the reconnect counted");
    }
}
