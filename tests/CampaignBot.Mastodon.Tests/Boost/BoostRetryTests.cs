using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

// What the server says back, and crashes: nothing boosted twice, nothing dropped without a record.
public sealed class BoostRetryTests
{
    [Fact]
    public async Task A_crash_between_claim_and_reblog_is_retried_once_the_claim_is_stale()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        var post = Tagged("40");
        // The process stored its claim and died before the request.
        Assert.True(await harness.Ledger.TryDecideAsync(BoostDecision.Boost(StatusKey.Of(post), post.Id, "dana@union.example", post.CreatedAt, Now), BoostHarness.Ct));
        await harness.RestartAsync();

        await harness.ConsiderAsync(post);
        Assert.Equal(0, await harness.Booster.RetryAsync(BoostHarness.Ct));
        harness.Clock.Advance(AutoBooster.StaleClaim + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await harness.Booster.RetryAsync(BoostHarness.Ct));
        Assert.Equal(0, await harness.Booster.RetryAsync(BoostHarness.Ct));

        Assert.Equal(["40"], reblogs.Requests);
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(post))!.State);
    }

    [Fact]
    public async Task A_rate_limited_boost_holds_later_ones_back_and_both_go_out_after_the_wait()
    {
        var reblogs = new RecordingReblogClient();
        reblogs.Then(ReblogResult.RateLimited);
        await using var harness = await BoostHarness.CreateAsync(reblogs, new Dictionary<string, string?> { ["RetryAfter"] = "00:05:00" });

        await harness.ConsiderAsync(Tagged("50", Author("a@x.example")));
        await harness.ConsiderAsync(Tagged("51", Author("b@x.example")));

        Assert.Equal(["50"], reblogs.Requests);
        var held = await harness.RecordOfAsync(Tagged("51", Author("b@x.example")));
        Assert.Equal((BoostState.RateLimited, 0), (held!.State, held.Attempts));
        Assert.Equal(BoostState.RateLimited, (await harness.RecordOfAsync(Tagged("50", Author("a@x.example"))))!.State);

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await harness.Booster.RetryAsync(BoostHarness.Ct));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await harness.Booster.RetryAsync(BoostHarness.Ct));

        Assert.Equal(["50", "50", "51"], reblogs.Requests);
        Assert.Equal(2, (await harness.Ledger.SummariseAsync(BoostHarness.Ct))[BoostState.Boosted]);
    }

    [Fact]
    public async Task A_refusal_is_final()
    {
        var reblogs = new RecordingReblogClient();
        reblogs.Then(ReblogResult.Refused);
        await using var harness = await BoostHarness.CreateAsync(reblogs);

        await harness.ConsiderAsync(Tagged("60"));
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await harness.Booster.RetryAsync(BoostHarness.Ct);
        await harness.ConsiderAsync(Tagged("60"));

        Assert.Equal(["60"], reblogs.Requests);
        Assert.Equal(BoostState.Refused, (await harness.RecordOfAsync(Tagged("60")))!.State);
    }

    [Fact]
    public async Task Transient_failures_and_exceptions_are_recorded_and_retried_until_boosted()
    {
        var reblogs = new RecordingReblogClient();
        reblogs.Then(ReblogResult.Failed);
        reblogs.ThenThrow(new HttpRequestException("connection refused"));
        await using var harness = await BoostHarness.CreateAsync(reblogs);

        await harness.ConsiderAsync(Tagged("70"));
        Assert.Equal((BoostState.Failed, 1), await StateAsync(harness, "70"));
        await harness.Booster.RetryAsync(BoostHarness.Ct);
        var failed = await harness.RecordOfAsync(Tagged("70"));
        Assert.Equal((BoostState.Failed, 2, "connection refused"), (failed!.State, failed.Attempts, failed.LastError));
        await harness.Booster.RetryAsync(BoostHarness.Ct);

        Assert.Equal((BoostState.Boosted, 3), await StateAsync(harness, "70"));
        Assert.Equal(["70", "70", "70"], reblogs.Requests);
    }

    [Fact]
    public async Task A_boost_that_keeps_failing_is_given_up_after_the_attempts_or_once_too_old()
    {
        var reblogs = new RecordingReblogClient();
        reblogs.Then(Enumerable.Repeat(ReblogResult.Failed, 10).ToArray());
        await using var harness = await BoostHarness.CreateAsync(reblogs, new Dictionary<string, string?> { ["MaxAttempts"] = "2", ["MaxAge"] = "01:00:00" });

        await harness.ConsiderAsync(Tagged("80", Author("a@x.example")));
        await harness.ConsiderAsync(Tagged("81", Author("b@x.example"), age: TimeSpan.FromMinutes(55)));
        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        await harness.Booster.RetryAsync(BoostHarness.Ct);
        await harness.Booster.RetryAsync(BoostHarness.Ct);

        var attempts = await harness.RecordOfAsync(Tagged("80", Author("a@x.example")));
        Assert.Equal((BoostState.Skipped, BoostSkipReason.GaveUp, 2), (attempts!.State, attempts.Reason, attempts.Attempts));
        var old = await harness.RecordOfAsync(Tagged("81", Author("b@x.example")));
        Assert.Equal((BoostState.Skipped, BoostSkipReason.GaveUp, 1), (old!.State, old.Reason, old.Attempts));
        Assert.Equal(["80", "81", "80"], reblogs.Requests);
    }

    [Fact]
    public async Task Nothing_is_retried_while_paused()
    {
        var reblogs = new RecordingReblogClient();
        reblogs.Then(ReblogResult.Failed);
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        await harness.ConsiderAsync(Tagged("90"));

        await harness.CommandAsync("boost pause");
        Assert.Equal(0, await harness.Booster.RetryAsync(BoostHarness.Ct));
        await harness.CommandAsync("boost resume");
        Assert.Equal(1, await harness.Booster.RetryAsync(BoostHarness.Ct));
    }

    private static async Task<(BoostState, int)> StateAsync(BoostHarness harness, string id)
    {
        var record = await harness.RecordOfAsync(Tagged(id));
        return (record!.State, record.Attempts);
    }
}
