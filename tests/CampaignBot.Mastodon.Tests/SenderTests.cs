using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Mastodon.Delivery;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests;

public sealed class SenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MastodonHarness> SignedInAsync(Action<Dictionary<string, string?>>? configure = null, FakeMastodonServer? server = null)
    {
        var bot = await MastodonHarness.CreateAsync(configure, server);
        await bot.ListeningAsync();
        return bot;
    }

    [Fact]
    public async Task A_reminder_goes_to_the_timeline_with_hashtags_visibility_and_content_warning()
    {
        await using var bot = await SignedInAsync(s =>
        {
            s["Mastodon:Visibility"] = "unlisted";
            s["Mastodon:ContentWarning"] = "Strike action";
        });
        var sender = bot.Get<IChatSender>();
        var reminder = new ReplyBuilder("Reminder: Save our NHS march").Line("Starts ", new TimeFragment(DateTimeOffset.UtcNow.AddHours(2), "Europe/London")).Line("Bring water #NotSafeNotFair").Build();

        var sent = await sender.SendAsync(new OutboundMessage(MastodonDestinations.Timeline, reminder, "reminder:7:2h:mastodon"), Ct);

        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        var post = Assert.Single(bot.Server.Posts.Items);
        Assert.Equal(sent.Value.PlatformMessageId, post.Id);
        Assert.Equal("unlisted", post.Visibility);
        Assert.Equal("Strike action", post.SpoilerText);
        Assert.Equal("reminder:7:2h:mastodon", post.IdempotencyKey);
        Assert.Contains("Save our NHS", post.Text, StringComparison.Ordinal);
        Assert.EndsWith("#ImInWorkJeremy", post.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(post.Text, "#NotSafeNotFair"));
        Assert.Empty(post.Mentions);
    }

    [Fact]
    public async Task A_retried_delivery_with_the_same_key_is_one_post()
    {
        await using var bot = await SignedInAsync();
        var sender = bot.Get<IChatSender>();
        var message = new OutboundMessage(MastodonDestinations.Timeline, Reply.Text("Picket at 7"), "announce:3");

        var first = await sender.SendAsync(message, Ct);
        var second = await sender.SendAsync(message, Ct);

        Assert.Equal(first.Value.PlatformMessageId, second.Value.PlatformMessageId);
        Assert.Single(bot.Server.Posts.Items);

        // The post ledger knows the key was posted: the repeat never reaches the server.
        Assert.Single(bot.Server.RequestsTo("POST /api/v1/statuses"));
    }

    [Fact]
    public async Task Long_text_becomes_a_numbered_thread_within_the_instance_limit_counting_urls_as_23()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        server.MaxCharacters = 120;
        await using var bot = await SignedInAsync(s => s["Mastodon:ContentWarning"] = "CW", server);
        var url = "https://example.org/" + new string('a', 200);
        var text = $"Details: {url} " + string.Join(' ', Enumerable.Repeat("march", 60));

        var sent = await bot.Get<IChatSender>().SendAsync(new OutboundMessage(MastodonDestinations.Timeline, Reply.Text(text), "long:1"), Ct);

        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        var posts = server.Posts.Items;
        Assert.True(posts.Count > 1);
        Assert.Equal(sent.Value.PlatformMessageId, posts[0].Id);
        Assert.Contains(url, posts[0].Text, StringComparison.Ordinal);
        Assert.All(posts, post => Assert.True(Text.StatusLength.Count(post.Text) + 2 <= 120, post.Text));
        Assert.All(posts, post => Assert.DoesNotContain('…', post.Text));
        Assert.All(posts, post => Assert.Equal("CW", post.SpoilerText));
        Assert.Equal([.. Enumerable.Range(1, posts.Count).Select(i => $"{i}/{posts.Count}")], posts.Select(p => p.Text.Split('\n')[^1]));
        Assert.Equal([null, .. posts.SkipLast(1).Select(p => p.Id)], posts.Select(p => p.InReplyToId));
        Assert.Equal(60, posts.Sum(p => p.Text.Split([' ', '\n']).Count(word => word == "march")));
    }

    [Fact]
    public async Task A_personal_reminder_is_a_direct_mention_of_that_person_only()
    {
        await using var bot = await SignedInAsync();
        var bob = bot.Server.Account("bob@other.example");
        var person = new Person(Platform.Mastodon, bob["id"]!.GetValue<string>(), "Bob");
        var content = Reply.Text("Your reminder: Rally with @carol@social.example starts in 1 hour");

        var sent = await bot.Get<IChatSender>().SendAsync(new OutboundMessage(Destination.ToPerson(person), content, "personal:9"), Ct);

        Assert.True(sent.IsSuccess, sent.Error?.ToString());
        var post = Assert.Single(bot.Server.Posts.Items);
        Assert.Equal("direct", post.Visibility);
        Assert.Equal(["bob@other.example"], post.Mentions);
        Assert.DoesNotContain("#NotSafeNotFair", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discord_destination_is_refused()
    {
        await using var bot = await SignedInAsync();
        var sent = await bot.Get<MastodonSender>().SendAsync(new OutboundMessage(new Destination(Platform.Discord, "1"), Reply.Text("x"), "k"), Ct);
        Assert.False(sent.IsSuccess);
        Assert.Empty(bot.Server.Posts.Items);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.OrdinalIgnoreCase).Length) / part.Length;
}
