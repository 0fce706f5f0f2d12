using System.Text.Json;
using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Testing.Contracts;

namespace CampaignBot.Mastodon.Tests.Boost;

// The captured reference statuses and our own fixtures, through the booster as the stream would hand them over.
public sealed class BoostFixtureTests
{
    private static List<MastodonStatus> Reference(string name, bool list = true)
    {
        var json = File.ReadAllText(ReferenceDirectory.File(Path.Combine("mastodon", "fixtures", name)));
        return list
            ? JsonSerializer.Deserialize(json, MastodonJsonContext.Default.ListMastodonStatus)!
            : [JsonSerializer.Deserialize(json, MastodonJsonContext.Default.MastodonStatus)!];
    }

    [Fact]
    public async Task Of_the_reference_tag_page_only_the_consenting_human_is_boosted()
    {
        var page = Reference("tag_timeline_page.json");
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);

        foreach (var status in page)
        {
            await harness.ConsiderAsync(status);
        }

        // carol has #nobot in her bio; newsfeed is bot: true; bob's reply is fine.
        Assert.Equal(BoostSkipReason.OptedOut, await harness.SkipReasonOfAsync(page.Single(s => s.Account.Username == "carol")));
        Assert.Equal(BoostSkipReason.BotAccount, await harness.SkipReasonOfAsync(page.Single(s => s.Account.Bot)));
        var bob = page.Single(s => s.Account.Username == "bob");
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(bob))!.State);
        Assert.Equal([bob.Id], reblogs.Requests);
    }

    [Fact]
    public async Task The_reference_reblog_wrapper_is_judged_by_its_original()
    {
        var wrapper = Assert.Single(Reference("status_reblog.json", list: false));
        await using var harness = await BoostHarness.CreateAsync(new RecordingReblogClient());

        await harness.ConsiderAsync(wrapper);

        // The wrapper is the bot's own boost; its original (alice's) says reblogged: true, so there is nothing to do.
        var record = await harness.Ledger.FindAsync(wrapper.Reblog!.Uri, BoostHarness.Ct);
        Assert.Equal((wrapper.Reblog.Id, BoostState.Skipped, BoostSkipReason.AlreadyBoosted), (record!.StatusId, record.State, record.Reason));
        Assert.Null(await harness.Ledger.FindAsync(wrapper.Uri, BoostHarness.Ct));
        Assert.Empty(((RecordingReblogClient)harness.Reblogs).Requests);
    }

    [Fact]
    public async Task Our_fixtures_are_skipped_or_boosted_by_the_rule_they_exercise()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);

        foreach (var status in BoostFixtures.All)
        {
            await harness.ConsiderAsync(status);
        }

        Assert.Equal(BoostSkipReason.OptedOut, await harness.SkipReasonOfAsync(BoostFixtures.NoBoostInField));
        Assert.Equal(BoostSkipReason.NotDiscoverable, await harness.SkipReasonOfAsync(BoostFixtures.NoIndex));
        Assert.Equal(BoostSkipReason.NotPublic, await harness.SkipReasonOfAsync(BoostFixtures.Unlisted));
        // Someone else's boost: the original (a local post) is boosted, by its own id, and recorded under its URI.
        var original = BoostFixtures.BoostOfLocalPost.Reblog!;
        Assert.Equal(["113509250000000001"], reblogs.Requests);
        Assert.Equal(BoostState.Boosted, (await harness.Ledger.FindAsync(original.Uri, BoostHarness.Ct))!.State);
        Assert.Equal("jo@mastodon.example", (await harness.Ledger.FindAsync(original.Uri, BoostHarness.Ct))!.AuthorKey);
    }

    [Fact]
    public async Task Unlisted_fixture_is_boosted_when_unlisted_posts_are_allowed()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, new Dictionary<string, string?> { ["AllowUnlisted"] = "true" });

        await harness.ConsiderAsync(BoostFixtures.Unlisted);

        Assert.Equal([BoostFixtures.Unlisted.Id], reblogs.Requests);
    }
}
