using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Discord.Delivery;

namespace CampaignBot.Discord.Tests;

public sealed class SenderTests
{
    private const string Channel = "1400000000000000009";
    private const string Person = "1500000000000000007";
    private const string Fallback = "1400000000000000042";
    private const string Role = "1600000000000000005";

    private static readonly DateTimeOffset Start = new(2030, 5, 1, 11, 0, 0, TimeSpan.Zero);

    private static Reply Reminder(string title = "Save our NHS") =>
        new ReplyBuilder($"Reminder: {title}").Line("Starts ", new TimeFragment(Start, "Europe/London", Relative: true)).Line("Parliament Square").Build();

    [Fact]
    public async Task Reminder_is_posted_with_explicit_allowed_mentions_and_a_nonce()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var sender = bot.Get<IChatSender>();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Channel), Reminder(), "reminder:7:2h:discord:" + Channel), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var posted = Assert.Single(bot.Server.Messages.Items);
        Assert.Equal(Channel, posted.ChannelId);
        Assert.Equal(posted.Id, result.Value.PlatformMessageId);
        Assert.Equal([], posted.Body["allowed_mentions"]!["parse"]!.AsArray());
        var nonce = posted.Body["nonce"]!.GetValue<string>();
        Assert.InRange(nonce.Length, 1, 25);
        Assert.True(posted.Body["enforce_nonce"]!.GetValue<bool>());
        var text = posted.Body.Text();
        Assert.Contains("Save our NHS", text, StringComparison.Ordinal);
        Assert.Contains($"<t:{Start.ToUnixTimeSeconds()}:F> (<t:{Start.ToUnixTimeSeconds()}:R>)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retried_delivery_reuses_the_nonce_and_is_posted_once()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var sender = bot.Get<IChatSender>();
        var message = new OutboundMessage(new Destination(Platform.Discord, Channel), Reminder(), "reminder:7:0:discord:" + Channel);

        await sender.SendAsync(message, TestContext.Current.CancellationToken);
        await sender.SendAsync(message, TestContext.Current.CancellationToken);

        var requests = bot.Server.RequestsTo(DiscordHarnessExtensions.CreateMessage);
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body!["nonce"]!.GetValue<string>(), requests[1].Body!["nonce"]!.GetValue<string>());
        Assert.Single(bot.Server.Messages.Items);
        Assert.NotEqual(Nonce.For("a", 0), Nonce.For("b", 0));
    }

    [Fact]
    public async Task Configured_role_is_pinged_and_nothing_else()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:AnnouncementRoleId"] = Role, start: false);
        var sender = bot.Get<IChatSender>();

        await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Channel), Reply.Text("Strike tomorrow, tell @everyone and @here"), "announce:1"), TestContext.Current.CancellationToken);

        var posted = Assert.Single(bot.Server.Messages.Items);
        Assert.StartsWith($"<@&{Role}>", posted.Content, StringComparison.Ordinal);
        Assert.Equal([Role], posted.Body["allowed_mentions"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal([], posted.Body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.DoesNotContain("@everyone", posted.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", posted.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_messages_are_split_at_line_breaks_within_the_limit()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var sender = bot.Get<IChatSender>();
        var lines = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<Fragment>)[$"Line {i:000}: " + new string('x', 40)]).ToList();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Channel), new Reply(null, lines), "digest:1"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        var posted = bot.Server.Messages.Items;
        Assert.Equal(4, posted.Count);
        Assert.All(posted, p => Assert.InRange(p.Content!.Length, 1, 2000));
        Assert.Equal(120, posted.Sum(p => p.Content!.Split('\n').Length));
        Assert.Equal(4, posted.Select(p => p.Body["nonce"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task A_message_longer_than_twenty_posts_says_what_was_left_out()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var sender = bot.Get<IChatSender>();
        var lines = Enumerable.Range(1, 1200).Select(i => (IReadOnlyList<Fragment>)[$"Line {i:0000}: " + new string('x', 40)]).ToList();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Channel), new Reply(null, lines), "digest:2"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        var posted = bot.Server.Messages.Items;
        Assert.Equal(20, posted.Count);
        Assert.Contains("more parts not posted", posted[^1].Content, StringComparison.Ordinal);
        Assert.Contains("Line 0001", posted[0].Content, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("only the first 20 are sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Long_embed_replies_are_split_within_embed_limits()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var sender = bot.Get<IChatSender>();
        var lines = Enumerable.Range(1, 200).Select(i => (IReadOnlyList<Fragment>)[$"Event {i:000} — " + new string('y', 60)]).ToList();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Channel), new Reply(new string('T', 300), lines), "list:1"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        var embeds = bot.Server.Messages.Items.Select(p => p.Body["embeds"]![0]!).ToList();
        Assert.True(embeds.Count >= 4);
        Assert.InRange(embeds[0]["title"]!.GetValue<string>().Length, 1, 256);
        Assert.All(embeds, e => Assert.InRange(e["description"]!.GetValue<string>().Length, 1, 4096));
    }

    [Fact]
    public async Task Personal_reminder_goes_by_direct_message()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var sender = bot.Get<IChatSender>();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Person, "Sam", Direct: true), Reminder(), "personal:1"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        var dm = Assert.Single(bot.Server.RequestsTo("POST /users/@me/channels"));
        Assert.Equal(Person, dm.Body!["recipient_id"]!.GetValue<string>());
        var posted = Assert.Single(bot.Server.Messages.Items);
        Assert.NotEqual(Person, posted.ChannelId);
        Assert.Equal([], posted.Body["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Closed_direct_messages_fall_back_to_a_mention_in_the_fallback_channel()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:FallbackChannelId"] = Fallback, start: false);
        bot.Server.ClosedDms[Person] = true;
        var sender = bot.Get<IChatSender>();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Person, "Sam", Direct: true), Reminder(), "personal:2"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var posted = Assert.Single(bot.Server.Messages.Items);
        Assert.Equal(Fallback, posted.ChannelId);
        Assert.StartsWith($"<@{Person}>", posted.Body.Text(), StringComparison.Ordinal);
        Assert.Contains("direct messages are closed", posted.Body.Text(), StringComparison.Ordinal);
        Assert.Equal([Person], posted.Body["allowed_mentions"]!["users"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Contains(bot.Server.RequestsTo(DiscordHarnessExtensions.CreateMessage), r => r.Status == 403);
    }

    [Fact]
    public async Task Closed_direct_messages_without_a_fallback_channel_report_why()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        bot.Server.ClosedDms[Person] = true;
        var sender = bot.Get<IChatSender>();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, Person, "Sam", Direct: true), Reminder(), "personal:3"), TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Unavailable, result.Error!.Kind);
        Assert.Contains("Discord:FallbackChannelId", result.Error.Hint, StringComparison.Ordinal);
        Assert.Empty(bot.Server.Messages.Items);
    }

    [Fact]
    public async Task Destinations_that_are_not_discord_ids_are_refused_without_a_request()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var sender = bot.Get<IChatSender>();

        var result = await sender.SendAsync(new OutboundMessage(new Destination(Platform.Discord, "chan-1"), Reminder(), "k"), TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.Empty(bot.Server.Requests.Items);
    }
}
