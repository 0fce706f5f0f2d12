using CampaignBot.Testing.Telemetry;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

public sealed class BoostMetricsTests
{
    [Fact]
    public async Task Boost_decisions_are_counted_by_reason()
    {
        using var metrics = new MetricRecorder();
        await using var harness = await BoostHarness.CreateAsync(new RecordingReblogClient());

        await harness.ConsiderAsync(Tagged("113600000000000071"));
        await harness.ConsiderAsync(Tagged("113600000000000072", Author() with { Bot = true }));

        Assert.NotEmpty(metrics.Values("campaignbot.mastodon.boost.decisions", ("reason", "boost")));
        Assert.NotEmpty(metrics.Values("campaignbot.mastodon.boost.decisions", ("reason", "bot-account")));
    }
}
