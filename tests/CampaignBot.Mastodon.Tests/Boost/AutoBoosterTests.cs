using CampaignBot.Core.Boosting;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Boost;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

// The booster around the rules: what it stores, what it asks the server, and the rules that need stored state.
public sealed class AutoBoosterTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => (string?)p.Value);

    [Fact]
    public async Task A_boost_is_stored_as_boosted_after_one_reblog_of_the_original_id()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        var post = Tagged("113600000000000001");

        await harness.ConsiderAsync(post);

        Assert.Equal(["113600000000000001"], reblogs.Requests);
        var record = await harness.RecordOfAsync(post);
        Assert.Equal((BoostState.Boosted, 1, "dana@union.example", post.Uri), (record!.State, record.Attempts, record.AuthorKey, record.StatusKey));
    }

    [Fact]
    public async Task A_skip_is_stored_with_its_reason_and_nothing_is_asked_of_the_server()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);

        await harness.ConsiderAsync(Tagged("2", Author() with { Bot = true }));

        Assert.Equal(BoostSkipReason.BotAccount, await harness.SkipReasonOfAsync(Tagged("2", Author() with { Bot = true })));
        Assert.Empty(reblogs.Requests);
    }

    [Fact]
    public async Task Nothing_is_decided_before_the_bot_knows_who_it_is()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, identified: false);
        var post = Tagged("3");

        await harness.ConsiderAsync(post);
        Assert.Null(await harness.RecordOfAsync(post));

        harness.Identity.Set(Bot, Instance);
        await harness.ConsiderAsync(post);
        Assert.Equal(["3"], reblogs.Requests);
    }

    [Fact]
    public async Task Disabled_auto_boost_neither_boosts_nor_records()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, Settings(("Enabled", "false")));

        await harness.ConsiderAsync(Tagged("4"));

        Assert.Empty(reblogs.Requests);
        Assert.Null(await harness.RecordOfAsync(Tagged("4")));
    }

    [Fact]
    public async Task Paused_posts_are_skipped_as_paused_and_resume_boosts_new_ones()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);

        await harness.CommandAsync("boost pause");
        await harness.ConsiderAsync(Tagged("5"));
        await harness.CommandAsync("boost resume");
        await harness.ConsiderAsync(Tagged("5"));
        await harness.ConsiderAsync(Tagged("6"));

        Assert.Equal(BoostSkipReason.Paused, await harness.SkipReasonOfAsync(Tagged("5")));
        Assert.Equal(["6"], reblogs.Requests);
    }

    [Fact]
    public async Task A_rule_that_fails_is_reported_before_paused()
    {
        await using var harness = await BoostHarness.CreateAsync(new RecordingReblogClient());
        await harness.Store.SetSettingAsync(SettingKeys.BoostPaused, "true", BoostHarness.Ct);

        await harness.ConsiderAsync(Tagged("7") with { Visibility = "private" });

        Assert.Equal(BoostSkipReason.NotPublic, await harness.SkipReasonOfAsync(Tagged("7")));
    }

    [Fact]
    public async Task The_hourly_cap_holds_for_a_rolling_hour()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, Settings(("PerHour", "2")));

        await harness.ConsiderAsync(Tagged("10", Author("a@x.example")));
        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await harness.ConsiderAsync(Tagged("11", Author("b@x.example")));
        await harness.ConsiderAsync(Tagged("12", Author("c@x.example")));
        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        await harness.ConsiderAsync(Tagged("13", Author("d@x.example")));

        Assert.Equal(["10", "11", "13"], reblogs.Requests);
        Assert.Equal(BoostSkipReason.HourlyCap, await harness.SkipReasonOfAsync(Tagged("12", Author("c@x.example"))));
    }

    [Fact]
    public async Task The_author_cap_holds_for_a_day_and_only_for_that_author()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, Settings(("PerAuthorPerDay", "1")));

        await harness.ConsiderAsync(Tagged("20"));
        await harness.ConsiderAsync(Tagged("21"));
        await harness.ConsiderAsync(Tagged("22", Author("other@x.example")));
        harness.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await harness.ConsiderAsync(Tagged("23") with { CreatedAt = harness.Clock.GetUtcNow() });

        Assert.Equal(["20", "22", "23"], reblogs.Requests);
        Assert.Equal(BoostSkipReason.AuthorCap, await harness.SkipReasonOfAsync(Tagged("21")));
    }

    [Fact]
    public async Task Concurrent_posts_cannot_overshoot_the_hourly_cap()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, Settings(("PerHour", "3")));
        var posts = Enumerable.Range(0, 10).Select(i => Tagged($"c{i}", Author($"u{i}@x.example"))).ToArray();

        await Task.WhenAll(posts.Select(post => Task.Run(async () => await harness.ConsiderAsync(post), BoostHarness.Ct)));

        Assert.Equal(3, reblogs.Requests.Count);
        Assert.Equal(3, (await harness.Ledger.SummariseAsync(BoostHarness.Ct))[BoostState.Boosted]);
        Assert.Equal(7, (await harness.Ledger.SummariseAsync(BoostHarness.Ct)).SkippedBy[BoostSkipReason.HourlyCap]);
    }

    [Fact]
    public async Task Tags_tracked_and_untracked_with_commands_count_like_configured_ones()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        var organiser = new Person(Platform.Mastodon, "rosa@mastodon.example", "Rosa");
        await harness.Store.RecordHashtagChangeAsync(new HashtagChange("ImInWorkJeremy", Tracked: true, organiser, Now.AddDays(-1)), BoostHarness.Ct);
        await harness.Store.RecordHashtagChangeAsync(new HashtagChange("NotSafeNotFair", Tracked: false, organiser, Now.AddDays(-1)), BoostHarness.Ct);

        await harness.ConsiderAsync(Tagged("30", tags: "iminworkjeremy"));
        await harness.ConsiderAsync(Tagged("31", tags: "notsafenotfair"));

        Assert.Equal(["30"], reblogs.Requests);
        Assert.Equal(BoostSkipReason.NoTrackedTag, await harness.SkipReasonOfAsync(Tagged("31")));
    }
}
