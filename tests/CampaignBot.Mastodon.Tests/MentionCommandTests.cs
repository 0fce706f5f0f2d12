using System.Text.Json;
using CampaignBot.Core.Mentions;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Mentions;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests;

public sealed class MentionCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mention_gets_exactly_one_reply_in_the_thread_addressed_to_the_author()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        var id = bot.Server.Mention("bob@other.example", "event list", visibility: "unlisted");

        var reply = await bot.Server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the reply");
        Assert.StartsWith("@bob@other.example ", reply.Text, StringComparison.Ordinal);
        Assert.Equal("unlisted", reply.Visibility);
        Assert.Equal(["bob@other.example"], reply.Mentions);
        Assert.Equal(MentionHandler.ReplyKey(bot.Server.StatusOf(id)["uri"]!.GetValue<string>()), reply.IdempotencyKey);
        await Task.Delay(500, Ct);
        Assert.Single(bot.Server.Posts.Items);
        Assert.Equal(id, await bot.Store.GetSettingAsync(MastodonSettingKeys.NotificationsLastId, Ct));
    }

    [Fact]
    public async Task Mention_is_not_answered_again_after_a_restart()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var database = new Testing.Databases.SqliteTestDatabase();
        await using (var first = await MastodonHarness.CreateAsync(server: server, database: database))
        {
            await first.ListeningAsync();
            server.Mention("bob@other.example", "event list");
            await server.Posts.WaitAsync(p => p.InReplyToId is not null);
        }

        await using var second = await MastodonHarness.CreateAsync(server: server, database: database);
        await second.ListeningAsync();
        server.Mention("carol@social.example", "event list");
        await server.Posts.WaitForCountAsync(p => p.InReplyToId is not null, 2);
        await Task.Delay(500, Ct);
        Assert.Equal(2, server.Posts.Count);
        Assert.Single(server.Posts.Items, p => p.Text.StartsWith("@bob@other.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_go_back_as_a_direct_mention()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("bob@other.example", "frobnicate the council");

        var reply = await bot.Server.Posts.WaitAsync(p => p.InReplyToId is not null);
        Assert.Equal("direct", reply.Visibility);
        Assert.Contains("Unknown command", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisers_from_configuration_may_create_events_and_others_may_not()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("bob@other.example", "event create kind:march title:\"Bob's march\" when:\"in 2d\"");
        var refused = await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@bob", StringComparison.Ordinal));
        Assert.Equal("direct", refused.Visibility);

        bot.Server.Mention("rosa", "event create kind:march title:\"Save our NHS\" when:\"in 2d\"");
        var created = await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@rosa", StringComparison.Ordinal));
        Assert.Contains("Save our NHS", created.Text, StringComparison.Ordinal);
        Assert.Equal("public", created.Visibility);
        var events = await bot.Store.FindEventsByTitlePrefixAsync("Save our", 5, Ct);
        Assert.Single(events);
        Assert.Empty(await bot.Store.FindEventsByTitlePrefixAsync("Bob", 5, Ct));
    }

    [Fact]
    public async Task Commands_from_bots_and_from_itself_are_ignored()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("newsfeed@bots.example", "event list", bot: true);
        bot.Server.Mention(FakeMastodonServer.BotUsername, "event list");
        var last = bot.Server.Mention("bob@other.example", "event list");

        await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@bob", StringComparison.Ordinal));
        await Task.Delay(300, Ct);
        Assert.Single(bot.Server.Posts.Items);
        Assert.Equal(last, await bot.Store.GetSettingAsync(MastodonSettingKeys.NotificationsLastId, Ct));
    }

    [Fact]
    public async Task Reply_never_mentions_anyone_but_the_author()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("rosa", "event create kind:rally title:\"Rally with @carol@social.example and @everyone\" when:\"in 3d\"");

        var reply = await bot.Server.Posts.WaitAsync(p => p.InReplyToId is not null);
        Assert.Equal(["rosa"], reply.Mentions);
        Assert.Contains("carol", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Odd_markup_still_yields_the_command()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("bob@other.example", string.Empty, rawHtml: "<div><a href=\"https://mastodon.example/@campaignbot\">@campaignbot</a>&nbsp;&nbsp;<b>event</b>\n  <i>list</i> <unclosed</div>");

        var reply = await bot.Server.Posts.WaitAsync(p => p.InReplyToId is not null);
        Assert.NotEqual("direct", reply.Visibility);
    }

    [Fact]
    public async Task A_command_cut_off_by_a_crash_is_not_run_again_but_its_author_is_told()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var database = new Testing.Databases.SqliteTestDatabase();
        var id = server.Mention("rosa", "event create kind:march title:\"Save our NHS\" when:\"in 2d\"");
        var status = server.StatusOf(id);
        var statusKey = status["uri"]!.GetValue<string>();
        await using (var crashed = await MastodonHarness.CreateAsync(server: server, database: database, start: false))
        {
            // What the handler stores when it claims the status; the process then died before the command finished.
            var notice = new PendingReply(statusKey, status["id"]!.GetValue<string>(), ["@rosa The bot stopped while running that command."], "direct");
            await crashed.Get<IMentionLedger>().TryClaimAsync(statusKey, notice.InReplyToId, JsonSerializer.Serialize(notice, Rest.RequestJsonContext.Default.PendingReply), DateTimeOffset.UtcNow.AddMinutes(-11), Ct);
            await crashed.Store.SetSettingAsync(MastodonSettingKeys.NotificationsLastId, "1", Ct);
        }

        await using var bot = await MastodonHarness.CreateAsync(server: server, database: database);
        server.Renotify(id);

        var told = await server.Posts.WaitAsync(p => p.InReplyToId == status["id"]!.GetValue<string>(), what: "the notice");
        Assert.Contains("stopped while running", told.Text, StringComparison.Ordinal);
        await Task.Delay(500, Ct);
        Assert.Single(server.Posts.Items);
        Assert.Empty(await bot.Store.FindEventsByTitlePrefixAsync("Save our", 5, Ct));
    }
}
