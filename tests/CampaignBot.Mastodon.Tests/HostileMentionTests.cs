using System.Text.Json.Nodes;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests;

/// <summary>
/// Mentions a careless or hostile server could send. Each is answered or logged and skipped, and the mentions after it
/// are still answered: one unreadable notification must never hold back the rest.
/// </summary>
public sealed class HostileMentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?> Shapes => new()
    {
        // name, what the reply (if any) must contain
        { "empty content", "Type a command" },
        { "only markup", "Type a command" },
        { "unclosed markup", "Did you mean event list?" },
        { "nested broken tags", "Unknown command" },
        { "no command", "Type a command" },
        { "content null", "Type a command" },
        { "mentions null", "No upcoming actions" },
        { "tags with empty entries", "No upcoming actions" },
        { "account with only an id", null },
        { "account without an id", null },
        { "account null", null },
        { "status id a number", null },
        { "status id null", null },
        { "created_at not a date", null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Odd_mention_is_answered_or_skipped_and_the_next_one_is_still_answered(string shape, string? expected)
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        Send(bot.Server, shape);
        bot.Server.Mention("zed@other.example", "status");

        await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@zed", StringComparison.Ordinal), what: "the reply to the mention after it");
        var toOdd = bot.Server.Posts.Items.Where(p => !p.Text.StartsWith("@zed", StringComparison.Ordinal)).ToList();
        if (expected is null)
        {
            Assert.Empty(toOdd);
        }
        else
        {
            var reply = Assert.Single(toOdd);
            Assert.StartsWith("@odd@other.example ", reply.Text, StringComparison.Ordinal);
            Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("fetching mentions failed", StringComparison.Ordinal));
        bot.Server.AssertNoViolations();
    }

    [Fact]
    public async Task An_unreadable_notification_is_logged_once_not_at_every_poll()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        Send(bot.Server, "created_at not a date");
        bot.Server.Mention("zed@other.example", "status");
        await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@zed", StringComparison.Ordinal), what: "the reply");
        bot.Server.Mention("amy@other.example", "status");
        await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@amy", StringComparison.Ordinal), what: "the second reply");

        Assert.Single(bot.Logs.Entries, e => e.Message.Contains("skipped an unreadable entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escape_sequences_in_a_mention_never_reach_the_log()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("bob@other.example", "\u001b[2J\u001b]0;pwned\u0007event \u202Elist");

        var reply = await bot.Server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the reply");
        Assert.Contains("control character (U+001B)", reply.Text, StringComparison.Ordinal);
        var logged = Assert.Single(bot.Logs.Entries, e => e.Message.Contains("command from @bob", StringComparison.Ordinal));
        Assert.DoesNotContain(logged.Message, c => c < ' ' || c is '\u202E');
    }

    [Fact]
    public async Task A_direct_mention_is_answered_directly_even_when_the_answer_is_public()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("bob@other.example", "event list", visibility: "direct");

        var reply = await bot.Server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the reply");
        Assert.Equal("direct", reply.Visibility);
        Assert.Equal(["bob@other.example"], reply.Mentions);
        await Task.Delay(300, Ct);
        Assert.Single(bot.Server.Posts.Items);
    }

    [Fact]
    public async Task A_mention_whose_visibility_is_left_out_is_answered_directly()
    {
        await using var bot = await MastodonHarness.CreateAsync();
        await bot.ListeningAsync();

        bot.Server.Mention("bob@other.example", "event list", shape: n => n["status"]!.AsObject().Remove("visibility"));

        var reply = await bot.Server.Posts.WaitAsync(p => p.InReplyToId is not null, what: "the reply");
        Assert.Equal("direct", reply.Visibility);
    }

    private static void Send(FakeMastodonServer server, string shape)
    {
        const string From = "odd@other.example";
        switch (shape)
        {
            case "empty content":
                server.Mention(From, string.Empty, rawHtml: string.Empty);
                break;
            case "only markup":
                server.Mention(From, string.Empty, rawHtml: "<p><br></p>");
                break;
            case "unclosed markup":
                server.Mention(From, string.Empty, rawHtml: $"<p><a href='{server.InstanceUrl}/@{FakeMastodonServer.BotUsername}'>@{FakeMastodonServer.BotUsername}</a> <b>event <i>list</p");
                break;
            case "nested broken tags":
                server.Mention(From, string.Empty, rawHtml: $"<p>@{FakeMastodonServer.BotUsername} <<<b>>status<span<span");
                break;
            case "no command":
                server.Mention(From, string.Empty);
                break;
            case "content null":
                server.Mention(From, "event list", shape: n => n["status"]!["content"] = null);
                break;
            case "mentions null":
                server.Mention(From, "event list", shape: n => n["status"]!["mentions"] = null);
                break;
            case "tags with empty entries":
                server.Mention(From, "event list", shape: n => n["status"]!["tags"] = new JsonArray(new JsonObject(), null));
                break;
            case "account with only an id":
                server.Mention(From, "event list", shape: n =>
                {
                    n["account"] = new JsonObject { ["id"] = "9991" };
                    n["status"]!["account"] = new JsonObject { ["id"] = "9991" };
                });
                break;
            case "account without an id":
                server.Mention(From, "event list", shape: n =>
                {
                    n["account"]!.AsObject().Remove("id");
                    n["status"]!["account"]!.AsObject().Remove("id");
                });
                break;
            case "account null":
                server.Mention(From, "event list", shape: n => n["account"] = n["status"]!["account"] = null);
                break;
            case "status id a number":
                server.Mention(From, "event list", shape: n => n["status"]!["id"] = 12345);
                break;
            case "status id null":
                server.Mention(From, "event list", shape: n => n["status"]!["id"] = null);
                break;
            default:
                server.Mention(From, "event list", shape: n => n["status"]!["created_at"] = "yesterday");
                break;
        }
    }
}
