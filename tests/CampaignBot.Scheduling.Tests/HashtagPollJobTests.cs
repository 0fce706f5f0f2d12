using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Scheduling.Jobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Scheduling.Tests;

public sealed class HashtagPollJobTests
{
    [Fact]
    public async Task Polled_posts_are_counted_once_per_tag_and_uri_and_a_failing_source_does_not_stop_the_others()
    {
        await using var bot = await DispatcherHarness.CreateAsync();
        var at = DispatcherHarness.Start;
        var source = new ScriptedSource([new("LoveYourNHS", "https://a.example/1", Platform.Mastodon, at), new("LoveYourNHS", "https://a.example/2", Platform.Mastodon, at)]);
        var job = new HashtagPollJob([new ScriptedSource(null), source], bot.Mentions, bot.State, NullLogger<HashtagPollJob>.Instance);

        await job.Execute(null!, TestContext.Current.CancellationToken);
        await job.Execute(null!, TestContext.Current.CancellationToken);

        Assert.Equal(["LoveYourNHS"], source.AskedFor);
        var counts = await bot.Mentions.HourlyAsync("LoveYourNHS", at.AddHours(-1), at.AddHours(1), TestContext.Current.CancellationToken);
        Assert.Equal(2, counts.Sum(c => c.Mentions));
    }

    private sealed class ScriptedSource(IReadOnlyList<HashtagMention>? mentions) : IHashtagSource
    {
        public List<string> AskedFor { get; } = [];

        public Platform Platform => Platform.Mastodon;

        public Task<IReadOnlyList<HashtagMention>> PollAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
        {
            AskedFor.Clear();
            AskedFor.AddRange(tags);
            return mentions is null
                ? throw new HttpRequestException("instance unreachable")
                : Task.FromResult(mentions);
        }
    }
}
