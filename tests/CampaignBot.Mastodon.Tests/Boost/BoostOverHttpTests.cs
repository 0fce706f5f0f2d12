using CampaignBot.Core.Boosting;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests.Boost;

// The booster with the real REST client against the loopback fake: what arrives at the server, and how the booster
// reads the answers of Mastodon and of servers that only speak its API.
public sealed class BoostOverHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tagged_post_is_reblogged_at_the_server_once_by_its_id()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var harness = await BoostHarness.CreateAsync(server);
        var post = BoostHarness.Parse(server.Post("alice", "March on Saturday #NotSafeNotFair", stream: false));

        await harness.ConsiderAsync(post);
        await harness.ConsiderAsync(post);
        await harness.RestartAsync();
        await harness.ConsiderAsync(post);

        Assert.Equal([post.Id], server.Reblogs.Items);
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(post))!.State);
    }

    [Fact]
    public async Task A_server_that_answers_a_reblog_with_the_original_still_counts_as_boosted()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        await using var harness = await BoostHarness.CreateAsync(server);
        var post = BoostHarness.Parse(server.Post("alice", "Picket at 7 #NotSafeNotFair", stream: false));

        await harness.ConsiderAsync(post);

        Assert.Equal(32, post.Id.Length);
        Assert.Equal([post.Id], server.Reblogs.Items);
        var record = await harness.RecordOfAsync(post);
        Assert.Equal((BoostState.Boosted, 1), (record!.State, record.Attempts));
    }

    [Fact]
    public async Task On_a_quirky_server_the_bots_own_post_is_recognised_by_its_hex_id_and_host_port_handle()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        await using var harness = await BoostHarness.CreateAsync(server);
        var own = BoostHarness.Parse(server.Post(FakeMastodonServer.BotUsername, "Reminder: march tomorrow #NotSafeNotFair", stream: false));

        await harness.ConsiderAsync(own);

        Assert.Contains(":", own.Account.Acct, StringComparison.Ordinal);
        Assert.Equal(BoostSkipReason.OwnPost, await harness.SkipReasonOfAsync(own));
        Assert.Empty(server.Reblogs.Items);
    }

    [Fact]
    public async Task A_post_the_server_cannot_find_is_recorded_as_refused_and_not_retried()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var harness = await BoostHarness.CreateAsync(server);
        var gone = BoostHarness.Parse(server.Post("alice", "Deleted soon #NotSafeNotFair", stream: false)) with { Id = "113999999999999999" };

        await harness.ConsiderAsync(gone);
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await harness.Booster.RetryAsync(Ct));

        Assert.Equal(BoostState.Refused, (await harness.RecordOfAsync(gone))!.State);
        Assert.Empty(server.Reblogs.Items);
    }

    [Fact]
    public async Task A_429_is_recorded_as_rate_limited_and_the_boost_goes_out_after_the_wait()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var harness = await BoostHarness.CreateAsync(server, new Dictionary<string, string?> { ["RetryAfter"] = "00:05:00" });
        var post = BoostHarness.Parse(server.Post("alice", "Rally #NotSafeNotFair", stream: false));
        server.InjectTooManyRequests(1);

        await harness.ConsiderAsync(post);
        Assert.Equal((BoostState.RateLimited, 1), await StateAsync(harness, post));
        Assert.Equal(0, await harness.Booster.RetryAsync(Ct));

        harness.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await harness.Booster.RetryAsync(Ct));

        Assert.Equal(1, server.TooManyRequests);
        Assert.Equal([post.Id], server.Reblogs.Items);
        Assert.Equal((BoostState.Boosted, 2), await StateAsync(harness, post));
    }

    private static async Task<(BoostState, int)> StateAsync(BoostHarness harness, Rest.MastodonStatus post)
    {
        var record = await harness.RecordOfAsync(post);
        return (record!.State, record.Attempts);
    }
}
