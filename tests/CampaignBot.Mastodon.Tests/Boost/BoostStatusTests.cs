using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Boost;
using Microsoft.Extensions.Options;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

public sealed class BoostStatusTests
{
    [Fact]
    public async Task Boost_status_shows_the_state_counts_by_reason_and_the_last_boost()
    {
        var reblogs = new RecordingReblogClient();
        reblogs.Then(ReblogResult.Boosted, ReblogResult.Failed);
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        await harness.ConsiderAsync(Tagged("1"));
        await harness.ConsiderAsync(Tagged("2", Author("b@x.example")));
        await harness.ConsiderAsync(Tagged("3", Author() with { Bot = true }));
        await harness.ConsiderAsync(Tagged("4", Author() with { Bot = true }));
        await harness.ConsiderAsync(Tagged("5", Author() with { Note = "#nobot" }));
        await harness.CommandAsync("boost pause");

        var text = await harness.CommandAsync("boost status");

        Assert.Contains("State: paused", text, StringComparison.Ordinal);
        Assert.Contains($"Boosted: 1 · last 2026-11-20 16:00 UTC {Tagged("1").Uri}", text, StringComparison.Ordinal);
        Assert.Contains("Skipped (last 8 days): 3 — bot accounts 2, #nobot/#noboost 1", text, StringComparison.Ordinal);
        Assert.Contains("Waiting: 1 (in flight 0, rate limited 0, failed 1;", text, StringComparison.Ordinal);
        Assert.Contains("at most 12 an hour and 3 per author a day; posts up to 6 h old; public only", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boost_status_says_when_the_account_is_not_verified_yet()
    {
        await using var harness = await BoostHarness.CreateAsync(new RecordingReblogClient(), identified: false);

        var text = await harness.CommandAsync("boost status");

        Assert.Contains("State: on", text, StringComparison.Ordinal);
        Assert.Contains("Waiting for the Mastodon account to be verified", text, StringComparison.Ordinal);
        Assert.Contains("Boosted: 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_valid_and_keep_well_under_the_statuses_budget()
    {
        var options = new BoostOptions();

        Assert.True(new BoostOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.PerHour * 3 <= 300 / 4, "three hours of boosts take at most a quarter of the 300-per-3h budget");
    }

    [Fact]
    public void Each_bad_setting_is_named_by_its_key()
    {
        var result = new BoostOptionsValidator().Validate(null, new BoostOptions
        {
            PerHour = 500,
            PerAuthorPerDay = 0,
            MaxAge = TimeSpan.Zero,
            MaxAttempts = 0,
            BlockedAccounts = ["ok@x.example", "two@at@signs"],
            BlockedDomains = ["https://spam.example/"],
        });

        Assert.Equal(
        [
            "Mastodon:Boost:MaxAge", "Mastodon:Boost:PerHour", "Mastodon:Boost:PerAuthorPerDay", "Mastodon:Boost:MaxAttempts",
            "Mastodon:Boost:BlockedAccounts:1", "Mastodon:Boost:BlockedDomains:0",
        ], result.Failures!.Select(failure => failure.Split(' ')[0].TrimEnd(':')));
    }

    [Fact]
    public async Task A_bad_setting_stops_resolution_with_the_key()
    {
        await using var harness = await BoostHarness.CreateAsync(new RecordingReblogClient(), new Dictionary<string, string?> { ["PerHour"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Booster);

        Assert.Contains("Mastodon:Boost:PerHour must be between 1 and 60", error.Message, StringComparison.Ordinal);
    }
}
