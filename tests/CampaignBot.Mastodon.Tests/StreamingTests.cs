using CampaignBot.Core.Domain;
using CampaignBot.Testing.Contracts;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests;

public sealed class StreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tagged_posts_on_the_hashtag_stream_are_counted_once_per_post()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Server.IsSubscribed("hashtag:notsafenotfair")), "the hashtag subscription");

        bot.Server.Post("alice", "Walkout at noon #NotSafeNotFair");
        bot.Server.Post("bob@other.example", "Not a tracked tag #Caturday");

        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the tagged post counted");
        Assert.Equal(StreamingMode.WebSocket, bot.Status.Mode);
        Assert.Equal(0, await bot.CountAsync("Caturday"));
    }

    [Fact]
    public async Task After_a_dropped_stream_mentions_and_tagged_posts_from_the_gap_are_backfilled()
    {
        await using var bot = await MastodonHarness.CreateAsync(s => s["Mastodon:PollInterval"] = "00:05:00");
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Server.IsSubscribed("hashtag:notsafenotfair")), "subscriptions");
        var connections = bot.Server.StreamConnections.Count;

        // Posts the stream never delivers (the gap), then the connection drops.
        bot.Server.Post("carol@social.example", "Picket line photos #NotSafeNotFair", stream: false);
        bot.Server.Post("dave@social.example", "Day two #ImInWorkJeremy", stream: false);
        bot.Server.DropStreams();
        bot.Server.Mention("bob@other.example", "event list");

        await bot.Server.StreamConnections.WaitForCountAsync(_ => true, connections + 1);
        await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@bob", StringComparison.Ordinal), what: "the backfilled mention's reply");
        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1 && await bot.CountAsync("ImInWorkJeremy") == 1, "backfilled tagged posts");
        Assert.True(bot.Status.Reconnects >= 1);
    }

    [Fact]
    public async Task Without_a_websocket_endpoint_it_uses_server_sent_events()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        server.Streaming = FakeMastodonStreaming.SseOnly;
        await using var bot = await MastodonHarness.CreateAsync(server: server);
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(server.IsSubscribed("hashtag:notsafenotfair") && server.IsSubscribed("user")), "SSE streams");

        server.Post("alice", "Rally report #NotSafeNotFair");
        server.Mention("bob@other.example", "event list");

        await server.Posts.WaitAsync(p => p.Text.StartsWith("@bob", StringComparison.Ordinal));
        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the post counted");
        Assert.Equal(StreamingMode.ServerSentEvents, bot.Status.Mode);
    }

    [Fact]
    public async Task Without_streaming_it_polls_and_still_answers_and_counts()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        server.Streaming = FakeMastodonStreaming.None;
        await using var bot = await MastodonHarness.CreateAsync(server: server, configure: s => s["Mastodon:TagPollBudgetPercent"] = "90");
        await bot.ListeningAsync();

        server.Mention("bob@other.example", "event list");
        server.Post("alice", "Solidarity #NotSafeNotFair");

        await server.Posts.WaitAsync(p => p.Text.StartsWith("@bob", StringComparison.Ordinal));
        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the polled post counted", TimeSpan.FromSeconds(15));
        Assert.Equal(StreamingMode.Polling, bot.Status.Mode);
        Assert.Equal(0, server.OpenStreams);
    }

    [Fact]
    public async Task Malformed_frames_are_logged_and_skipped()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Server.IsSubscribed("hashtag:notsafenotfair")), "subscriptions");

        await bot.Server.SendRawFrameAsync("this is not json");
        await bot.Server.SendRawFrameAsync("""{"stream":["hashtag","NotSafeNotFair"],"event":"update","payload":"{\"id\": broken"}""");
        await bot.Server.SendRawFrameAsync("""{"stream":["user"],"event":"notification","payload":"[]"}""");
        await bot.Server.SendRawFrameAsync("""{"error":"Missing tag name parameter","status":400}""");
        bot.Server.Post("alice", "Still here #NotSafeNotFair");

        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the good post counted");
        Assert.True(bot.Logs.Entries.Count(e => e.Message.Contains("malformed", StringComparison.Ordinal)) >= 3);
        Assert.Equal(0, bot.Status.Reconnects);
    }

    [Fact]
    public async Task Tracking_a_new_hashtag_subscribes_to_it_and_untracking_unsubscribes()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Server.IsSubscribed("hashtag:notsafenotfair")), "subscriptions");

        await bot.Store.RecordHashtagChangeAsync(new HashtagChange("LoveYourNHS", true, new Person(Platform.Shell, "t", "t"), DateTimeOffset.UtcNow), Ct);
        await bot.Store.RecordHashtagChangeAsync(new HashtagChange("ImInWorkJeremy", false, new Person(Platform.Shell, "t", "t"), DateTimeOffset.UtcNow), Ct);

        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Server.IsSubscribed("hashtag:loveyournhs") && !bot.Server.IsSubscribed("hashtag:iminworkjeremy")), "the new subscriptions");
        bot.Server.Post("alice", "Thank you nurses #LoveYourNHS");
        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("LoveYourNHS") == 1, "the new tag counted");
    }

    [Fact]
    public async Task The_captured_websocket_frame_is_read_and_counted()
    {
        var frame = await File.ReadAllTextAsync(ReferenceDirectory.File("mastodon/fixtures/streaming_update_event.txt"), Ct);
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Server.IsSubscribed("hashtag:notsafenotfair")), "subscriptions");

        await bot.Server.SendRawFrameAsync(frame.Trim());

        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the fixture's post counted");
    }

    [Fact]
    public async Task The_captured_sse_body_is_read_and_counted()
    {
        var body = await File.ReadAllTextAsync(ReferenceDirectory.File("mastodon/fixtures/streaming_sse_user.txt"), Ct);
        await using var server = await FakeMastodonServer.StartAsync();
        server.Streaming = FakeMastodonStreaming.SseOnly;
        await using var bot = await MastodonHarness.CreateAsync(server: server);
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(server.IsSubscribed("user")), "the user stream");

        await server.SendRawSseAsync("user", body.Replace("\r\n", "\n", StringComparison.Ordinal));

        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the fixture's update counted");
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("malformed", StringComparison.Ordinal));
    }
}
