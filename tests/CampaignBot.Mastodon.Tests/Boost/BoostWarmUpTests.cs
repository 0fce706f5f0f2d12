using CampaignBot.Core.Boosting;
using CampaignBot.Storage;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

// The dry run of the first post's path at start-up: it must leave no trace in the ledger nor ask anything of the server.
public sealed class BoostWarmUpTests
{
    [Theory]
    [MemberData(nameof(BoostEngines.Both), MemberType = typeof(BoostEngines))]
    public async Task The_warm_up_stores_no_decision_and_reblogs_nothing_and_the_next_post_is_boosted_once(StorageProvider provider)
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs, provider: provider);
        var earlier = Tagged("113600000000000010");
        await harness.ConsiderAsync(earlier);

        await harness.WarmUp.RunAsync(BoostHarness.Ct);
        await harness.WarmUp.RunAsync(BoostHarness.Ct);

        var summary = await harness.Ledger.SummariseAsync(BoostHarness.Ct);
        Assert.Equal(1, summary[BoostState.Boosted]);
        Assert.Equal(1, summary.ByState.Values.Sum());
        Assert.Equal(["113600000000000010"], reblogs.Requests);

        var next = Tagged("113600000000000011", Author("erin@union.example"));
        await harness.ConsiderAsync(next);
        await harness.ConsiderAsync(next);
        Assert.Equal(["113600000000000010", "113600000000000011"], reblogs.Requests);
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(next))!.State);
    }
}
