using CampaignBot.Core.Domain;
using CampaignBot.Core.Mentions;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Tests;

/// <summary>
/// A post whose outcome is uncertain is looked for page by page among the bot's own statuses, on servers that ignore
/// <c>Idempotency-Key</c> (so only the search stands between a retry and a double post): a Mastodon-like one that
/// pages with Link headers, and a snac-like one with no Link headers and hex ids.
/// </summary>
public sealed class UncertainPostSearchTests
{
    private const string Key = "reminder:1:2h:mastodon";
    private const string OwnStatuses = "GET /api/v1/accounts/{id}/statuses";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutboundMessage Reminder => new(MastodonDestinations.Timeline, Reply.Text("Reminder: picket at 7"), Key);

    private static async Task<FakeMastodonServer> ServerAsync(bool snac, int? pageSize = null)
    {
        var server = await FakeMastodonServer.StartAsync(quirky: snac);
        server.Behaviour = snac ? FakeMastodonBehaviour.Snac() : new FakeMastodonBehaviour { IgnoresIdempotencyKey = true };
        server.Behaviour.MaxPageSize = pageSize;
        return server;
    }

    private static async Task<MastodonHarness> SignedInAsync(FakeMastodonServer server)
    {
        var bot = await MastodonHarness.CreateAsync(server: server);
        await bot.ListeningAsync();
        return bot;
    }

    // The next post is made but answered 503, and `newer` statuses of the bot's own overtake the answer.
    private static void FailNextPostBehind(FakeMastodonServer server, int newer)
    {
        server.Behaviour.FailedPostAnswers = 1;
        server.BeforePostAnswer = () =>
        {
            server.BeforePostAnswer = null;
            server.AddOwnStatuses(newer);
        };
    }

    // Sends the reminder on a bot signed in to server, its post made but answered 503 behind `newer` statuses.
    private static async Task<Result<SentMessage>> SendFailingBehindAsync(FakeMastodonServer server, int newer)
    {
        await using var bot = await SignedInAsync(server);
        FailNextPostBehind(server, newer);
        return await bot.Get<IChatSender>().SendAsync(Reminder, Ct);
    }

    // The post is the one status this run made, sent once: what the bot was told is that status.
    private static void AssertPostedOnce(FakeMastodonServer server, Result<SentMessage> sent)
    {
        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        var post = Assert.Single(server.Posts.Items);
        Assert.Equal(post.Id, sent.Value.PlatformMessageId);
        Assert.Single(server.RequestsTo("POST /api/v1/statuses"));
    }

    // Whether the post was made could not be told: it is not sent again, the send fails for good, and the log says so.
    private static void AssertHeldBack(FakeMastodonServer server, MastodonHarness bot, Result<SentMessage> sent)
    {
        Assert.False(sent.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, sent.Error!.Kind);
        Assert.Single(server.Posts.Items);
        Assert.Single(server.RequestsTo("POST /api/v1/statuses"));
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(Key, StringComparison.Ordinal) && e.Message.Contains("not posting it again", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, 45, 2)]
    [InlineData(false, 90, 3)]
    [InlineData(true, 45, 2)]
    [InlineData(true, 90, 3)]
    public async Task A_post_answered_with_a_5xx_is_found_behind_more_than_a_page_of_newer_statuses_and_not_posted_twice(bool snac, int newer, int pagesRead)
    {
        await using var server = await ServerAsync(snac);
        server.AddOwnStatuses(30, DateTimeOffset.UtcNow.AddHours(-3));

        var sent = await SendFailingBehindAsync(server, newer);

        AssertPostedOnce(server, sent);
        Assert.Equal(pagesRead, server.RequestsTo(OwnStatuses).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_post_that_never_reached_the_server_is_posted_once_when_the_search_reaches_back_past_its_attempt(bool snac)
    {
        await using var server = await ServerAsync(snac);
        await using var bot = await SignedInAsync(server);
        server.AddOwnStatuses(50, DateTimeOffset.UtcNow.AddHours(-1));

        // A run that died had begun the post, which never reached the server; 45 statuses were made since.
        Assert.Null(await bot.Get<IPostLedger>().BeginAsync(Key, DateTimeOffset.UtcNow, Ct));
        server.AddOwnStatuses(45);

        var sent = await bot.Get<IChatSender>().SendAsync(Reminder, Ct);

        AssertPostedOnce(server, sent);

        // The second page goes back past the attempt: the older history beyond it is not read.
        Assert.Equal(2, server.RequestsTo(OwnStatuses).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_server_with_20_statuses_a_page_still_finds_the_post(bool snac)
    {
        await using var server = await ServerAsync(snac, pageSize: 20);

        var sent = await SendFailingBehindAsync(server, 45);

        AssertPostedOnce(server, sent);
        Assert.Equal(3, server.RequestsTo(OwnStatuses).Count);
    }

    // Pinned: an old pinned status heads the newest page (some servers). Out of order: pages come in no date order.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_headed_by_an_old_pinned_status_or_out_of_date_order_does_not_end_the_search(bool pinned)
    {
        await using var server = await ServerAsync(snac: false);
        server.Behaviour.PinnedFirst = pinned;
        server.Behaviour.PagesOutOfOrder = !pinned;
        server.AddOwnStatuses(pinned ? 1 : 60, DateTimeOffset.UtcNow.AddDays(-20), pinned);

        var sent = await SendFailingBehindAsync(server, 45);

        AssertPostedOnce(server, sent);
        Assert.Equal(2, server.RequestsTo(OwnStatuses).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_post_further_back_than_the_search_reads_is_not_posted_again_and_stays_unfinished(bool snac)
    {
        await using var server = await ServerAsync(snac, pageSize: 20);
        await using var bot = await SignedInAsync(server);
        FailNextPostBehind(server, 210);

        var sent = await bot.Get<IChatSender>().SendAsync(Reminder, Ct);

        AssertHeldBack(server, bot, sent);
        Assert.Equal(10, server.RequestsTo(OwnStatuses).Count);

        // Still unfinished: a later attempt under the key (a reminder's retry) searches again rather than posting.
        var earlier = await bot.Get<IPostLedger>().BeginAsync(Key, DateTimeOffset.UtcNow, Ct);
        Assert.NotNull(earlier);
        Assert.Null(earlier.StatusId);
    }

    [Fact]
    public async Task A_reply_that_cannot_be_told_made_or_not_does_not_hold_back_later_replies()
    {
        await using var server = await ServerAsync(snac: false, pageSize: 20);
        await using var bot = await SignedInAsync(server);
        FailNextPostBehind(server, 210);

        var first = server.StatusOf(server.Mention("bob@other.example", "event list"))["id"]!.GetValue<string>();
        await server.Posts.WaitAsync(p => p.InReplyToId == first, what: "the reply answered 503");
        var second = server.StatusOf(server.Mention("bob@other.example", "event list"))["id"]!.GetValue<string>();
        await server.Posts.WaitAsync(p => p.InReplyToId == second, what: "the later reply");

        Assert.Equal(2, server.Posts.Items.Count);
        Assert.Equal(2, server.RequestsTo("POST /api/v1/statuses").Count);
        Assert.Single(server.Posts.Items, p => p.InReplyToId == first);
    }

    [Fact]
    public async Task A_post_answered_with_a_5xx_on_a_server_that_refuses_to_list_the_bots_statuses_is_not_posted_again_nor_retried()
    {
        await using var server = await ServerAsync(snac: false);
        server.Behaviour.RefusesOwnStatuses = true;
        await using var bot = await SignedInAsync(server);
        FailNextPostBehind(server, newer: 0);

        var sent = await bot.Get<IChatSender>().SendAsync(Reminder, Ct);

        AssertHeldBack(server, bot, sent);
        Assert.Single(server.RequestsTo(OwnStatuses));
    }
}
