using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Tagging;
using CampaignBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

// The stream queues tagged posts for auto-boost; a poll page decides its posts at once before the tag's cursor moves
// past them. A post still queued when the poll brings it (or whose queued decision never happened, say the bot
// stopped first) must be decided by the poll, not taken as already seen.
public sealed class BoostQueueTests
{
    private static readonly string[] Tracked = ["NotSafeNotFair"];

    [Fact]
    public async Task A_streamed_post_still_queued_is_decided_when_a_poll_page_brings_it()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        var (processor, _) = Processor(harness);
        var post = Tagged("113700000000000101", tags: "notsafenotfair");

        await processor.AcceptAsync([post], Tracked, TagSource.Stream, BoostHarness.Ct);
        Assert.Empty(reblogs.Requests);
        await processor.AcceptAsync([post], Tracked, TagSource.Poll, BoostHarness.Ct);

        Assert.Equal(["113700000000000101"], reblogs.Requests);
        Assert.Equal(BoostState.Boosted, (await harness.RecordOfAsync(post))!.State);
    }

    [Fact]
    public async Task A_post_decided_lately_is_not_shown_to_auto_boost_again_and_the_queue_decides_each_post_once()
    {
        var reblogs = new RecordingReblogClient();
        await using var harness = await BoostHarness.CreateAsync(reblogs);
        var (processor, queue) = Processor(harness);
        var post = Tagged("113700000000000102", tags: "notsafenotfair");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(BoostHarness.Ct);
        var running = queue.RunAsync(stop.Token);

        await processor.AcceptAsync([post], Tracked, TagSource.Stream, BoostHarness.Ct);
        await processor.AcceptAsync([post with { }], Tracked, TagSource.Stream, BoostHarness.Ct);
        while (queue.Done < 2)
        {
            await Task.Delay(5, BoostHarness.Ct);
        }

        Assert.True(queue.DecidedLately(StatusKey.Of(post)));
        await processor.AcceptAsync([post], Tracked, TagSource.Poll, BoostHarness.Ct);
        await processor.AcceptAsync([post], Tracked, TagSource.Stream, BoostHarness.Ct);
        await stop.CancelAsync();
        await running;

        Assert.Equal(2, queue.Queued);
        Assert.Equal(["113700000000000102"], reblogs.Requests);
    }

    private static (TaggedStatusPipeline Processor, BoostQueue Queue) Processor(BoostHarness harness)
    {
        // The queue's batching waits on real time; the harness's clock stands still.
        var queue = new BoostQueue(harness.Booster, TimeProvider.System, NullLogger<BoostQueue>.Instance);
        var recorder = new MentionRecorder(harness.Mentions, NullLogger<MentionRecorder>.Instance);
        return (new TaggedStatusPipeline(recorder, queue, new MastodonSession()), queue);
    }
}
