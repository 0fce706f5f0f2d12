using CampaignBot.Core.Boosting;
using CampaignBot.Storage;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

// Posts decided as a batch (a poll page, or what the stream queued meanwhile): one lookup, one write for the skips,
// and the same outcomes as deciding them one by one.
public sealed class BoostBatchTests
{
    [Theory]
    [MemberData(nameof(BoostEngines.Both), MemberType = typeof(BoostEngines))]
    public async Task A_batch_of_skips_decided_posts_and_a_candidate_boosts_only_the_candidate(StorageProvider engine)
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, provider: engine);
        var boostedBefore = Tagged("100", Author("a@x.example"));
        var skippedBefore = Tagged("101", Author("b@x.example") with { Bot = true });
        await harness.ConsiderAsync(boostedBefore);
        await harness.ConsiderAsync(skippedBefore);

        var optedOut = Tagged("102", Author("c@x.example") with { Note = "#nobot" });
        var notPublic = Tagged("103", Author("d@x.example")) with { Visibility = "private" };
        var tooOld = Tagged("104", Author("f@x.example"), age: TimeSpan.FromDays(2));
        var candidate = Tagged("105", Author("e@x.example"));

        // The skipped post comes again from an author who is no longer a bot: its first decision stands.
        await harness.Booster.ConsiderAllAsync(
            [boostedBefore, optedOut, skippedBefore with { Account = Author("b@x.example") }, notPublic, candidate, tooOld],
            BoostHarness.Ct);

        Assert.Equal(["100", "105"], reblogs.Requests);
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(boostedBefore))!.State);
        Assert.Equal(1, (await harness.RecordOfAsync(boostedBefore))!.Attempts);
        Assert.Equal(BoostSkipReason.BotAccount, await harness.SkipReasonOfAsync(skippedBefore));
        Assert.Equal(BoostSkipReason.OptedOut, await harness.SkipReasonOfAsync(optedOut));
        Assert.Equal(BoostSkipReason.NotPublic, await harness.SkipReasonOfAsync(notPublic));
        Assert.Equal(BoostSkipReason.TooOld, await harness.SkipReasonOfAsync(tooOld));
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(candidate))!.State);
    }

    [Theory]
    [MemberData(nameof(BoostEngines.Both), MemberType = typeof(BoostEngines))]
    public async Task A_post_seen_several_times_in_one_batch_is_decided_once(StorageProvider engine)
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, provider: engine);
        var post = Tagged("110");
        var bot = Tagged("111", Author("bot@x.example") with { Bot = true });

        await harness.Booster.ConsiderAllAsync([post, bot, post with { }, BoostOf(post, "w1"), bot, BoostOf(bot, "w2"), BoostOf(post, "w3", by: "fran@x.example")], BoostHarness.Ct);

        Assert.Equal(["110"], reblogs.Requests);
        var summary = await harness.Ledger.SummariseAsync(BoostHarness.Ct);
        Assert.Equal((1, 1, 2), (summary[BoostState.Boosted], summary[BoostState.Skipped], summary.ByState.Values.Sum()));
    }

    [Theory]
    [MemberData(nameof(BoostEngines.Both), MemberType = typeof(BoostEngines))]
    public async Task Batch_decisions_hold_after_a_restart_even_when_the_rules_would_now_allow_the_posts(StorageProvider engine)
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, new Dictionary<string, string?> { ["PerHour"] = "1" }, engine);
        await harness.Booster.ConsiderAllAsync([Tagged("1", Author("a@x.example")), Tagged("2", Author("b@x.example")), Tagged("3", Author("c@x.example"))], BoostHarness.Ct);

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.RestartAsync();
        await harness.Booster.ConsiderAllAsync([Tagged("3", Author("c@x.example")), Tagged("2", Author("b@x.example")), Tagged("1", Author("a@x.example")), Tagged("4", Author("d@x.example"))], BoostHarness.Ct);

        Assert.Equal(["1", "4"], reblogs.Requests);
        Assert.Equal(BoostSkipReason.HourlyCap, await harness.SkipReasonOfAsync(Tagged("2", Author("b@x.example"))));
        Assert.Equal(BoostSkipReason.HourlyCap, await harness.SkipReasonOfAsync(Tagged("3", Author("c@x.example"))));
    }

    [Fact]
    public async Task The_author_cap_comes_before_the_hourly_cap_within_a_batch()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, new Dictionary<string, string?> { ["PerHour"] = "2", ["PerAuthorPerDay"] = "1" });

        await harness.Booster.ConsiderAllAsync([Tagged("20", Author("a@x.example")), Tagged("21", Author("a@x.example")), Tagged("22", Author("b@x.example")), Tagged("23", Author("a@x.example")), Tagged("24", Author("c@x.example"))], BoostHarness.Ct);

        Assert.Equal(["20", "22"], reblogs.Requests);
        Assert.Equal(BoostSkipReason.AuthorCap, await harness.SkipReasonOfAsync(Tagged("21", Author("a@x.example"))));
        Assert.Equal(BoostSkipReason.AuthorCap, await harness.SkipReasonOfAsync(Tagged("23", Author("a@x.example"))));
        Assert.Equal(BoostSkipReason.HourlyCap, await harness.SkipReasonOfAsync(Tagged("24", Author("c@x.example"))));
    }
}
