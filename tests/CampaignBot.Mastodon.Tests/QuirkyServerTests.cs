using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Tests;

public sealed class QuirkyServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_with_hex_ids_host_port_handles_and_no_rate_headers_answers_organiser_commands()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        await using var bot = await MastodonHarness.CreateAsync(server: server, configure: s => s["Mastodon:Organisers:0"] = $"rosa@{server.BaseUrl.Authority}");
        await bot.ListeningAsync();
        Assert.Equal(32, server.BotAccountId.Length);

        server.Mention("rosa", "event create kind:strike title:\"Walkout\" when:\"in 1d\"");
        var reply = await server.Posts.WaitAsync(p => p.InReplyToId is not null);
        Assert.Equal(32, reply.InReplyToId!.Length);
        Assert.NotEqual("direct", reply.Visibility);
        Assert.Single(await bot.Store.FindEventsByTitlePrefixAsync("Walkout", 5, Ct));

        Assert.All(server.Requests.Items, r => Assert.NotEqual(429, r.Status));
    }

    [Fact]
    public async Task Reblog_answered_with_the_original_and_reblogged_true_counts_as_boosted()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        await using var bot = await MastodonHarness.CreateAsync(server: server, start: false);
        var status = server.Post("alice", "Boost this #NotSafeNotFair", stream: false);

        var result = await bot.Get<MastodonApi>().ReblogAsync(status["id"]!.GetValue<string>(), Ct);

        Assert.Equal(ReblogResult.Boosted, result);
        Assert.Equal([status["id"]!.GetValue<string>()], server.Reblogs.Items);
    }

    [Theory]
    [InlineData(false, 401)]
    [InlineData(true, 422)]
    public async Task A_rejected_token_stops_the_adapter_with_one_clear_line(bool quirky, int status)
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky);
        await using var bot = await MastodonHarness.CreateAsync(server: server, configure: s => s["Mastodon:AccessToken"] = "wrong-token");

        var reason = await bot.Status.WhenStopped.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Contains($"HTTP {status}", reason, StringComparison.Ordinal);
        Assert.Contains("Mastodon:AccessToken", reason, StringComparison.Ordinal);
        var lines = bot.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.Single(lines);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("wrong-token", StringComparison.Ordinal));
        Assert.Single(server.Requests.Items);
        Assert.Contains(reason, (await bot.Status.DescribeAsync(Ct))[0], StringComparison.Ordinal);
    }
}
