using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Tagging;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests.Tagging;

public sealed class TagPollingTests
{
    private const string Cursor = SettingKeys.MastodonTagCursorPrefix + "notsafenotfair";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Polling_reads_forward_from_the_stored_cursor_whatever_the_ids_look_like(bool quirky)
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky);
        await using var bot = await MastodonHarness.CreateAsync(server: server, start: false);
        var poller = bot.Get<TagPoller>();
        for (var i = 0; i < 50; i++)
        {
            server.Post("alice", $"Earlier post {i} #NotSafeNotFair", stream: false);
        }

        var first = await poller.PollAsync(["NotSafeNotFair"], force: true, record: false, Ct);
        var cursor = await bot.Store.GetSettingAsync(Cursor, Ct);
        var newer = Enumerable.Range(0, 10).Select(i => server.Post("bob@other.example", $"Newer post {i} #NotSafeNotFair", stream: false)).ToList();
        var requestsBefore = server.Requests.Count;
        var second = await poller.PollAsync(["NotSafeNotFair"], force: true, record: false, Ct);
        var third = await poller.PollAsync(["NotSafeNotFair"], force: true, record: false, Ct);

        Assert.Equal(40, first.Count);
        Assert.False(string.IsNullOrEmpty(cursor));
        Assert.Equal(newer.Select(s => s["uri"]!.GetValue<string>()).Order(StringComparer.Ordinal), second.Select(m => m.Uri).Order(StringComparer.Ordinal));
        Assert.Empty(third);
        Assert.Equal(newer[^1]["id"]!.GetValue<string>(), await bot.Store.GetSettingAsync(Cursor, Ct));
        Assert.Equal(2, server.Requests.Count - requestsBefore);
    }

    [Fact]
    public async Task The_quirky_servers_ids_really_do_not_sort_by_age()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        var ids = Enumerable.Range(0, 20).Select(i => server.Post("alice", $"Post {i} #NotSafeNotFair", stream: false)["id"]!.GetValue<string>()).ToList();

        Assert.All(ids, id => Assert.Equal(32, id.Length));
        Assert.NotEqual(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_streaming_a_quirky_server_is_polled_and_every_post_counted_once()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        server.Streaming = FakeMastodonStreaming.None;
        await using var bot = await MastodonHarness.CreateAsync(server: server, configure: s => s["Mastodon:TagPollBudgetPercent"] = "90");
        await bot.ListeningAsync();

        for (var i = 0; i < 5; i++)
        {
            server.Post("alice", $"Solidarity {i} #NotSafeNotFair");
        }

        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 5, "the first posts counted", TimeSpan.FromSeconds(15));
        await MastodonHarness.EventuallyAsync(async () => !string.IsNullOrEmpty(await bot.Store.GetSettingAsync(Cursor, Ct)), "a stored cursor");

        for (var i = 0; i < 7; i++)
        {
            server.Post("bob@other.example", $"More {i} #NotSafeNotFair");
        }

        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 12, "the later posts counted", TimeSpan.FromSeconds(15));
        Assert.Equal(StreamingMode.Polling, bot.Status.Mode);
        Assert.DoesNotContain(server.Requests.Items, r => r.Status == 429);
    }

    [Fact]
    public async Task Without_streaming_mentions_on_a_quirky_server_are_answered_once_each_in_order()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        server.Streaming = FakeMastodonStreaming.None;
        await using var bot = await MastodonHarness.CreateAsync(server: server);
        await bot.ListeningAsync();

        var first = server.Mention("bob@other.example", "help");
        await server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the first reply");
        var later = Enumerable.Range(0, 4).Select(_ => server.Mention("carol@social.example", "help")).ToList();

        await server.Posts.WaitForCountAsync(p => p.InReplyToId is not null, 5, what: "five replies");
        await Task.Delay(600, Ct);
        Assert.Equal([$"campaignbot-reply-{first}", .. later.Select(id => $"campaignbot-reply-{id}")], server.Posts.Items.Select(p => p.IdempotencyKey));
        Assert.Equal(later[^1], await bot.Store.GetSettingAsync(SettingKeys.MastodonNotificationsLastId, Ct));
    }
}
