using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Storage;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

// The same post from the hashtag stream, a poll page, someone's boost of it and backfill after a restart: one boost.
public sealed class BoostDedupeTests
{
    [Theory]
    [MemberData(nameof(BoostEngines.Both), MemberType = typeof(BoostEngines))]
    public async Task A_post_seen_by_stream_poll_boost_and_restart_is_boosted_once(StorageProvider engine)
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, provider: engine);
        var post = Tagged("113700000000000001");

        // Stream and poll deliver it at the same moment.
        await Task.WhenAll(
            Task.Run(async () => await harness.ConsiderAsync(post), BoostHarness.Ct),
            Task.Run(async () => await harness.ConsiderAsync(post with { }), BoostHarness.Ct));
        await harness.ConsiderAsync(BoostOf(post, "113700000000000050"));
        await harness.RestartAsync();
        await harness.ConsiderAsync(post);
        await harness.ConsiderAsync(BoostOf(post, "113700000000000051", by: "fran@x.example"));

        Assert.Equal(["113700000000000001"], reblogs.Requests);
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(post))!.State);
    }

    [Theory]
    [MemberData(nameof(BoostEngines.Both), MemberType = typeof(BoostEngines))]
    public async Task A_skip_survives_a_restart_even_when_the_rules_would_now_allow_the_post(StorageProvider engine)
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, new Dictionary<string, string?> { ["PerHour"] = "1" }, engine);
        await harness.ConsiderAsync(Tagged("1", Author("a@x.example")));
        await harness.ConsiderAsync(Tagged("2", Author("b@x.example")));

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.RestartAsync();
        await harness.ConsiderAsync(Tagged("2", Author("b@x.example")));

        Assert.Equal(["1"], reblogs.Requests);
        Assert.Equal(BoostSkipReason.HourlyCap, await harness.SkipReasonOfAsync(Tagged("2", Author("b@x.example"))));
    }

    [Fact]
    public async Task A_boosted_post_seen_again_after_its_week_of_skips_is_forgotten_is_not_boosted_again()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, new Dictionary<string, string?> { ["MaxAge"] = "7.00:00:00" });
        var boosted = Tagged("113700000000000003", Author("a@x.example"));
        var skipped = Tagged("113700000000000004", Author("b@x.example") with { Bot = true });
        await harness.ConsiderAsync(boosted);
        await harness.ConsiderAsync(skipped);

        harness.Clock.Advance(AutoBooster.SkipMemory);
        Assert.Equal(1, await harness.Booster.ForgetOldSkipsAsync(BoostHarness.Ct));
        await harness.ConsiderAsync(boosted);
        await harness.ConsiderAsync(skipped with { Account = Author("b@x.example") });

        Assert.Equal(["113700000000000003"], reblogs.Requests);
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(boosted))!.State);
        Assert.Equal(BoostSkipReason.TooOld, await harness.SkipReasonOfAsync(skipped));
    }

    [Fact]
    public async Task Many_deliveries_of_one_post_at_once_make_one_request()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        var post = Tagged("113700000000000002");

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(
            async () => await harness.ConsiderAsync(i % 3 == 0 ? BoostOf(post, $"w{i}") : post), BoostHarness.Ct)));

        Assert.Equal(["113700000000000002"], reblogs.Requests);
    }
}
