using System.Text.RegularExpressions;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Mentions;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Specs;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests;

/// <summary>The whole adapter against a fake that behaves like snac 2.9x (see <see cref="FakeMastodonBehaviour.Snac"/>).</summary>
public sealed partial class SnacServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<FakeMastodonServer> SnacAsync()
    {
        var server = await FakeMastodonServer.StartAsync(quirky: true);
        server.Behaviour = FakeMastodonBehaviour.Snac();
        return server;
    }

    private static async Task<MastodonHarness> ListeningAsync(FakeMastodonServer server)
    {
        var bot = await MastodonHarness.CreateAsync(server: server);
        await bot.ListeningAsync();
        return bot;
    }

    // A first run that answers one mention and stops, leaving the cursor behind it: what follows is a backlog.
    private static async Task AnswerOneAndStopAsync(FakeMastodonServer server, SqliteTestDatabase database)
    {
        await using var first = await MastodonHarness.CreateAsync(server: server, database: database);
        await first.ListeningAsync();
        server.Mention("bob@other.example", "event list");
        await server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the first reply");
        await MastodonHarness.EventuallyAsync(async () => await first.Store.GetSettingAsync(MastodonSettingKeys.NotificationsLastId, Ct) is not null, "the cursor");
    }

    [Fact]
    public async Task A_mention_missing_from_mentions_is_answered_once_despite_a_redelivered_notification()
    {
        await using var server = await SnacAsync();
        await using var bot = await ListeningAsync(server);

        var id = server.Mention("rosa", "event create kind:march title:\"Save our NHS\" when:\"in 5h\"");

        var reply = await server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the reply");
        Assert.Contains("Save our NHS", reply.Text, StringComparison.Ordinal);
        Assert.Equal(server.StatusOf(id)["id"]!.GetValue<string>(), reply.InReplyToId);
        server.Renotify(id);
        await Task.Delay(600, Ct);
        Assert.Single(server.Posts.Items);
        Assert.Single(await bot.Store.FindEventsByTitlePrefixAsync("Save our", 5, Ct));
    }

    [Fact]
    public async Task A_backlog_of_45_mentions_is_answered_exactly_once_in_posting_order()
    {
        await using var server = await SnacAsync();
        await using var database = new SqliteTestDatabase();
        await AnswerOneAndStopAsync(server, database);

        var backlog = Enumerable.Range(0, 45).Select(i => server.Mention($"user{i}@other.example", "event list")).ToList();
        await using var second = await MastodonHarness.CreateAsync(server: server, database: database);

        await server.Posts.WaitForCountAsync(p => p.InReplyToId is not null, 46, TimeSpan.FromSeconds(20), "46 replies");
        await Task.Delay(600, Ct);
        var expected = backlog.Select(id => server.StatusOf(id)["id"]!.GetValue<string>()).ToList();
        Assert.Equal(expected, server.Posts.Items.Skip(1).Select(p => p.InReplyToId));
    }

    [Fact]
    public async Task Commands_in_one_batch_run_in_the_order_they_were_posted()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var database = new SqliteTestDatabase();
        await AnswerOneAndStopAsync(server, database);

        var later = server.Mention("carol@social.example", "event list");
        var earlier = server.Mention("dave@social.example", "event list", postedEarlier: TimeSpan.FromMinutes(1));
        await using var second = await MastodonHarness.CreateAsync(server: server, database: database);

        await server.Posts.WaitForCountAsync(p => p.InReplyToId is not null, 3, what: "both replies");
        Assert.Equal(
            [server.StatusOf(earlier)["id"]!.GetValue<string>(), server.StatusOf(later)["id"]!.GetValue<string>()],
            server.Posts.Items.Skip(1).Select(p => p.InReplyToId));
    }

    [Fact]
    public async Task A_boost_of_a_mention_and_the_bots_own_posts_are_never_answered()
    {
        await using var server = await SnacAsync();
        await using var bot = await ListeningAsync(server);

        var id = server.Mention("bob@other.example", "event list");
        await server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the reply");
        server.NotifyBoostOf(id, "carol@social.example");
        server.Mention(FakeMastodonServer.BotUsername, "event list");

        await Task.Delay(800, Ct);
        Assert.Single(server.Posts.Items);
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("a boost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_arrives_complete_as_a_numbered_thread_on_a_500_character_server()
    {
        await using var server = await SnacAsync();
        await using var bot = await ListeningAsync(server);

        server.Mention("bob@other.example", "help");

        var last = await server.Posts.WaitAsync(p => LastPart().IsMatch(p.Text), what: "the thread's last part");
        var count = int.Parse(LastPart().Match(last.Text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(300, Ct);
        var parts = server.Posts.Items;
        Assert.True(count > 1);
        Assert.Equal(count, parts.Count);
        Assert.All(parts, p => Assert.True(Text.StatusLength.Count(p.Text) <= 500));
        Assert.Equal([.. Enumerable.Range(1, count).Select(i => $"{i}/{count}")], parts.Select(p => p.Text.Split('\n')[^1]));
        Assert.Equal([.. parts.SkipLast(1).Select(p => p.Id)], parts.Skip(1).Select(p => p.InReplyToId));
        var whole = string.Join('\n', parts.Select(p => p.Text));
        Assert.All(CommandCatalog.All, command => Assert.Contains(command.Path, whole, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_v2_instance_the_v1_limits_and_streaming_host_are_used()
    {
        await using var server = await SnacAsync();
        server.MaxCharacters = 100_000;
        await using var bot = await ListeningAsync(server);

        server.Mention("bob@other.example", "help");

        var reply = await server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the reply");
        await Task.Delay(300, Ct);
        Assert.Single(server.Posts.Items);
        Assert.True(reply.Text.Length > 1000);
        Assert.NotEmpty(server.RequestsTo("GET /api/v1/instance"));
        Assert.Equal(StreamingMode.WebSocket, bot.Status.Mode);
    }

    [Fact]
    public async Task Streaming_comes_back_after_the_endpoints_refused_and_status_says_why_it_polled()
    {
        await using var server = await SnacAsync();
        server.Behaviour.StreamingRefusals = 2;
        await using var bot = await MastodonHarness.CreateAsync(
            s =>
            {
                s["Mastodon:ReconnectDelay"] = "00:00:00.800";
                s["Mastodon:MaxReconnectDelay"] = "00:00:01";
                s["Mastodon:StreamingRetryInterval"] = "00:00:01";
            },
            server: server);

        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Status.Mode == StreamingMode.Polling), "polling after the 401s");
        var lines = await bot.Status.DescribeAsync(Ct);
        Assert.Contains(lines, l => l.Contains("REST polling", StringComparison.Ordinal) && l.Contains("401", StringComparison.Ordinal) && l.Contains("tried again", StringComparison.Ordinal));

        await MastodonHarness.EventuallyAsync(() => Task.FromResult(bot.Status.Mode == StreamingMode.WebSocket), "the WebSocket back");
        await MastodonHarness.EventuallyAsync(() => Task.FromResult(server.IsSubscribed("hashtag:notsafenotfair")), "the hashtag subscription");
        server.Post("alice", "Back on the stream #NotSafeNotFair");
        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the streamed post counted");
    }

    [Fact]
    public async Task A_reminder_whose_answer_was_lost_is_posted_once_where_idempotency_keys_are_ignored()
    {
        await using var server = await SnacAsync();
        await using var bot = await ListeningAsync(server);
        server.Behaviour.LostPostAnswers = 1;

        var sent = await bot.Get<IChatSender>().SendAsync(new OutboundMessage(MastodonDestinations.Timeline, Reply.Text("Reminder: picket at 7"), "reminder:1:2h:mastodon"), Ct);

        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        var post = Assert.Single(server.Posts.Items);
        Assert.Equal(post.Id, sent.Value.PlatformMessageId);
        Assert.Single(server.RequestsTo("POST /api/v1/statuses"));
        Assert.NotEmpty(server.RequestsTo("GET /api/v1/accounts/{id}/statuses"));
    }

    [Fact]
    public async Task A_reminder_in_flight_when_the_bot_died_is_not_posted_again_after_the_restart()
    {
        await using var server = await SnacAsync();
        var message = new OutboundMessage(MastodonDestinations.Timeline, Reply.Text("Reminder: rally at noon"), "reminder:2:0:mastodon");

        // The process that died: its post reached the server (sent here from another database), while its own store
        // only recorded that the post had begun.
        await using (var died = await MastodonHarness.CreateAsync(server: server))
        {
            await died.ListeningAsync();
            Assert.True((await died.Get<IChatSender>().SendAsync(message, Ct)).IsSuccess);
        }

        await using var restarted = await MastodonHarness.CreateAsync(server: server);
        await restarted.ListeningAsync();
        Assert.Null(await restarted.Get<IPostLedger>().BeginAsync(message.IdempotencyKey, DateTimeOffset.UtcNow, Ct));

        var sent = await restarted.Get<IChatSender>().SendAsync(message, Ct);

        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        var post = Assert.Single(server.Posts.Items);
        Assert.Equal(post.Id, sent.Value.PlatformMessageId);
    }

    [GeneratedRegex(@"\n(\d+)/\1$")]
    private static partial Regex LastPart();
}
