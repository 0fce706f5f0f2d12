using CampaignBot.Mastodon.Mentions;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Tagging;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Mastodon.Tests.Tagging;

public sealed class TagPollingTests
{
    private const string Cursor = MastodonSettingKeys.TagCursorPrefix + "notsafenotfair";
    private const string Backfill = MastodonSettingKeys.TagBackfillPrefix + "notsafenotfair";
    private static readonly string[] Tags = ["NotSafeNotFair"];

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

        var first = await poller.PollAsync(["NotSafeNotFair"], TagSource.Backfill, Ct);
        var cursor = await bot.Store.GetSettingAsync(Cursor, Ct);
        var newer = Enumerable.Range(0, 10).Select(i => server.Post("bob@other.example", $"Newer post {i} #NotSafeNotFair", stream: false)).ToList();
        var requestsBefore = server.Requests.Count;
        var second = await poller.PollAsync(["NotSafeNotFair"], TagSource.Backfill, Ct);
        var third = await poller.PollAsync(["NotSafeNotFair"], TagSource.Backfill, Ct);

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

        var first = server.Mention("bob@other.example", "event list");
        await server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the first reply");
        var later = Enumerable.Range(0, 4).Select(_ => server.Mention("carol@social.example", "event list")).ToList();

        await server.Posts.WaitForCountAsync(p => p.InReplyToId is not null, 5, what: "five replies");
        await Task.Delay(600, Ct);
        Assert.Equal([.. new[] { first }.Concat(later).Select(id => MentionHandler.ReplyKey(server.StatusOf(id)["uri"]!.GetValue<string>()))], server.Posts.Items.Select(p => p.IdempotencyKey));
        Assert.Equal(later[^1], await bot.Store.GetSettingAsync(MastodonSettingKeys.NotificationsLastId, Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_burst_on_a_tag_first_seen_empty_is_counted_whole_and_once(bool quirky)
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky);
        await using var bot = await MastodonHarness.CreateAsync(server: server, start: false);
        var poller = bot.Get<TagPoller>();

        var first = await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var marker = await bot.Store.GetSettingAsync(Cursor, Ct);
        var burst = Enumerable.Range(0, 100).Select(i => server.Post("alice", $"Burst {i} #NotSafeNotFair", stream: false)["uri"]!.GetValue<string>()).ToList();
        var second = await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var third = await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var recorded = await bot.Get<IHashtagMentionSink>().RecordAsync([.. second, .. third], Ct);

        Assert.Empty(first);
        Assert.False(string.IsNullOrEmpty(marker));
        Assert.Equal(burst.Order(StringComparer.Ordinal), second.Select(m => m.Uri).Order(StringComparer.Ordinal));
        Assert.Empty(third);
        Assert.Equal(100, recorded);
        Assert.Equal(100, await bot.CountAsync("NotSafeNotFair"));
        Assert.True(string.IsNullOrEmpty(await bot.Store.GetSettingAsync(Backfill, Ct)));
    }

    [Fact]
    public async Task A_burst_after_a_stored_cursor_is_read_forward_page_by_page()
    {
        await using var bot = await MastodonHarness.CreateAsync(start: false);
        var poller = bot.Get<TagPoller>();
        bot.Server.Post("alice", "Before #NotSafeNotFair", stream: false);
        Assert.Single(await poller.PollAsync(Tags, TagSource.Backfill, Ct));
        var burst = Enumerable.Range(0, 100).Select(i => bot.Server.Post("bob@other.example", $"Burst {i} #NotSafeNotFair", stream: false)["uri"]!.GetValue<string>()).ToList();
        var requestsBefore = bot.Server.Requests.Count;

        var found = await poller.PollAsync(Tags, TagSource.Backfill, Ct);

        Assert.Equal(burst.Order(StringComparer.Ordinal), found.Select(m => m.Uri).Order(StringComparer.Ordinal));
        Assert.All(bot.Server.Requests.Items.Skip(requestsBefore), r => Assert.Contains("min_id=", r.Query, StringComparison.Ordinal));
        Assert.Equal(3, bot.Server.Requests.Count - requestsBefore);
    }

    [Fact]
    public async Task A_burst_larger_than_the_budget_allows_is_finished_in_the_next_window()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await FakeMastodonServer.StartAsync();
        server.Clock = clock;
        server.Limits.ApiLimit = 10;
        await using var bot = await MastodonHarness.CreateAsync(server: server, start: false, services: s => s.AddSingleton<TimeProvider>(clock));
        var poller = bot.Get<TagPoller>();
        var sink = bot.Get<IHashtagMentionSink>();

        Assert.Empty(await poller.PollAsync(Tags, TagSource.Backfill, Ct));
        var burst = Enumerable.Range(0, 300).Select(i => server.Post("alice", $"Burst {i} #NotSafeNotFair", stream: false)["uri"]!.GetValue<string>()).ToList();
        var second = await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var owed = await bot.Store.GetSettingAsync(Backfill, Ct);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var third = await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var fourth = await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var counted = await sink.RecordAsync([.. second, .. third, .. fourth], Ct);

        Assert.InRange(second.Count, 40, 299);
        Assert.False(string.IsNullOrEmpty(owed));
        Assert.Equal(burst.Order(StringComparer.Ordinal), second.Concat(third).Concat(fourth).Select(m => m.Uri).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(300, counted);
        Assert.Equal(0, server.TooManyRequests);
        Assert.True(string.IsNullOrEmpty(await bot.Store.GetSettingAsync(Backfill, Ct)));
    }

    [Fact]
    public async Task On_a_server_that_reads_min_id_as_since_id_a_burst_of_45_is_read_whole_and_once()
    {
        await using var server = await FakeMastodonServer.StartAsync(quirky: true);
        server.Behaviour = FakeMastodonBehaviour.Snac();
        await using var bot = await MastodonHarness.CreateAsync(server: server, start: false);
        var poller = bot.Get<TagPoller>();
        server.Post("alice", "First post #NotSafeNotFair", stream: false);
        await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var burst = Enumerable.Range(0, 45).Select(i => server.Post("bob@other.example", $"Burst {i} #NotSafeNotFair", stream: false)).ToList();

        var read = await poller.PollAsync(Tags, TagSource.Backfill, Ct);
        var again = await poller.PollAsync(Tags, TagSource.Backfill, Ct);

        Assert.Equal(burst.Select(s => s["uri"]!.GetValue<string>()).Order(StringComparer.Ordinal), read.Select(m => m.Uri).Order(StringComparer.Ordinal));
        Assert.Empty(again);
    }

    [Fact]
    public async Task The_bots_own_tagged_reminders_are_not_counted_in_hashtag_stats()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        server.Streaming = FakeMastodonStreaming.None;
        await using var bot = await MastodonHarness.CreateAsync(server: server);
        await bot.ListeningAsync();

        var sent = await bot.Get<IChatSender>().SendAsync(new OutboundMessage(MastodonDestinations.Timeline, Core.Results.Reply.Text("Reminder: march at noon #NotSafeNotFair"), "reminder:5:0:mastodon"), Ct);
        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        server.Post("alice", "On my way #NotSafeNotFair", stream: false);

        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the person's post counted");
        await bot.Get<TagPoller>().PollAsync(Tags, TagSource.Backfill, Ct);
        await Task.Delay(300, Ct);
        Assert.Equal(1, await bot.CountAsync("NotSafeNotFair"));
    }
}
