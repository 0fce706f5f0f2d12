using System.Text.Json.Nodes;
using CampaignBot.Mastodon.Tagging;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests.Tagging;

public sealed class HashtagCountDedupeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_post_seen_on_the_stream_by_polls_and_again_after_a_restart_counts_once()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var database = new SqliteTestDatabase();
        JsonObject post;
        await using (var first = await MastodonHarness.CreateAsync(server: server, database: database))
        {
            await first.ListeningAsync();
            await MastodonHarness.EventuallyAsync(() => Task.FromResult(server.IsSubscribed("hashtag:notsafenotfair")), "the hashtag subscription");
            post = server.Post("alice", "March at noon #NotSafeNotFair #ImInWorkJeremy");
            await MastodonHarness.EventuallyAsync(async () => await first.CountAsync("NotSafeNotFair") == 1, "the streamed post counted");

            await first.Get<TagPoller>().PollAsync(["NotSafeNotFair", "ImInWorkJeremy"], TagSource.Backfill, Ct);
            await MastodonHarness.EventuallyAsync(async () => await first.CountAsync("ImInWorkJeremy") == 1, "the polled post counted");
        }

        // A new adapter on the same SQLite file: it backfills on connect and the stream sends the same post again.
        await using var second = await MastodonHarness.CreateAsync(server: server, database: database);
        await second.ListeningAsync();
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(server.IsSubscribed("hashtag:notsafenotfair")), "the hashtag subscription again");
        await server.SendRawFrameAsync(new JsonObject
        {
            ["stream"] = new JsonArray("hashtag", "notsafenotfair"),
            ["event"] = "update",
            ["payload"] = post.ToJsonString(),
        }.ToJsonString());
        await second.Get<TagPoller>().PollAsync(["NotSafeNotFair", "ImInWorkJeremy"], TagSource.Backfill, Ct);
        server.Post("bob@other.example", "Next one #NotSafeNotFair");

        await MastodonHarness.EventuallyAsync(async () => await second.CountAsync("NotSafeNotFair") == 2, "only the new post added");
        await Task.Delay(300, Ct);
        Assert.Equal(2, await second.CountAsync("NotSafeNotFair"));
        Assert.Equal(1, await second.CountAsync("ImInWorkJeremy"));
    }
}
