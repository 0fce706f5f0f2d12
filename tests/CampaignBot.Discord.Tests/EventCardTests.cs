using System.Text.Json.Nodes;
using CampaignBot.Core.Domain;
using CampaignBot.Testing.Discord;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Discord.Tests;

public sealed class EventCardTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PostedMessage> CreateWithCardAsync(DiscordHarness bot, string title = "Save our NHS", string? link = "https://example.org/march")
    {
        await Seed.SubscribeAsync(bot.Store);
        var options = new Dictionary<string, object> { ["kind"] = "march", ["title"] = title, ["when"] = "in 3d", ["duration"] = "3h" };
        if (link is not null)
        {
            options["link"] = link;
        }

        var reply = await bot.InteractAsync(InteractionPayloads.Command("event create", options));
        Assert.Contains("Card with RSVP buttons posted to 1 subscribed channel", reply.Body!["data"].Text(), StringComparison.Ordinal);
        return await bot.Server.Messages.WaitAsync(m => m.Body["components"] is not null, Wait, "the event card");
    }

    private static JsonArray Buttons(JsonNode body) => body["components"]![0]!["components"]!.AsArray();

    [Fact]
    public async Task Creating_an_action_posts_a_card_with_rsvp_buttons_to_subscribed_channels()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var card = await CreateWithCardAsync(bot);

        Assert.Equal(InteractionPayloads.ChannelId, card.ChannelId);
        var text = card.Body["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.Contains("Starts: <t:", text, StringComparison.Ordinal);
        Assert.Contains(":R>)", text, StringComparison.Ordinal);
        Assert.Contains("Ends: <t:", text, StringComparison.Ordinal);
        Assert.Contains("RSVPs: 0 going · 0 maybe · 0 not going", text, StringComparison.Ordinal);
        Assert.Equal("#1 Save our NHS", card.Body["embeds"]![0]!["title"]!.GetValue<string>());
        var buttons = Buttons(card.Body);
        Assert.Equal(["Going", "Maybe", "Can't go", "Remind me", "Details"], buttons.Select(b => b!["label"]!.GetValue<string>()));
        Assert.Equal(["cb1:going:1", "cb1:maybe:1", "cb1:not-going:1", "cb1:remind:1"], buttons.Take(4).Select(b => b!["custom_id"]!.GetValue<string>()));
        Assert.Equal("https://example.org/march", buttons[4]!["url"]!.GetValue<string>());
        Assert.NotNull(card.Body["allowed_mentions"]);
        var remembered = Assert.Single(await bot.Store.ListEventCardsAsync(1, Ct));
        Assert.Equal(card.Id, remembered.MessageId);
    }

    [Fact]
    public async Task A_press_records_the_rsvp_answers_privately_and_refreshes_the_card()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var card = await CreateWithCardAsync(bot);

        var callback = await bot.InteractAsync(InteractionPayloads.Press("cb1:going:1", card.Id));

        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        Assert.True(callback.Body["data"].IsEphemeral());
        Assert.Contains("You're going to #1 Save our NHS", callback.Body["data"].Text(), StringComparison.Ordinal);
        Assert.Contains("change any time", callback.Body["data"].Text(), StringComparison.Ordinal);
        var rsvp = await bot.Store.GetRsvpAsync(1, new Person(Platform.Discord, InteractionPayloads.SupporterId, "Sam"), Ct);
        Assert.Equal(RsvpAnswer.Going, rsvp?.Answer);
        var edit = await bot.Server.Edits.WaitAsync(e => e.Id == card.Id, Wait, "the card refresh");
        Assert.Contains("RSVPs: 1 going · 0 maybe · 0 not going", edit.Body["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, Buttons(edit.Body).Count);
    }

    [Fact]
    public async Task A_burst_of_presses_ends_with_exact_counts_and_at_most_one_edit_per_two_seconds()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var card = await CreateWithCardAsync(bot);
        const int presses = 60;

        var answers = await Task.WhenAll(Enumerable.Range(0, presses).Select(i =>
            bot.InteractAsync(InteractionPayloads.Press(i % 3 == 0 ? "cb1:maybe:1" : "cb1:going:1", card.Id, userId: (1600000000000000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        var lastPress = TimeProvider.System.GetTimestamp();

        Assert.All(answers, answer => Assert.True(answer.Body!["data"].IsEphemeral()));
        var final = await bot.Server.Edits.WaitAsync(e => e.Id == card.Id && e.Body["embeds"]![0]!["description"]!.GetValue<string>().Contains("40 going · 20 maybe", StringComparison.Ordinal), Wait, "exact counts on the card");
        Assert.InRange(TimeProvider.System.GetElapsedTime(lastPress), TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var edits = bot.Server.RequestsTo(DiscordHarnessExtensions.EditMessage);
        foreach (var (earlier, later) in edits.Zip(edits.Skip(1)))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(earlier.Timestamp, later.Timestamp) >= TimeSpan.FromSeconds(1.9), "two card edits less than 2 s apart");
        }

        Assert.Equal(0, bot.Server.TooManyRequests);
        Assert.NotNull(final);
    }

    [Fact]
    public async Task Stopping_waits_for_a_card_refresh_still_waiting_for_its_gap()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var card = await CreateWithCardAsync(bot);
        await bot.InteractAsync(InteractionPayloads.Press("cb1:going:1", card.Id));
        await bot.Server.Edits.WaitAsync(e => e.Id == card.Id, Wait, "the first card refresh");

        // This refresh waits out the 2-second gap after the first; stopping must not leave it behind.
        await bot.InteractAsync(InteractionPayloads.Press("cb1:maybe:1", card.Id, userId: "1600000000000000001"));
        foreach (var hosted in bot.Get<IEnumerable<IHostedService>>().Reverse())
        {
            await hosted.StopAsync(Ct);
        }

        Assert.Contains(bot.Server.Edits.Items, e => e.Id == card.Id
            && e.Body["embeds"]![0]!["description"]!.GetValue<string>().Contains("RSVPs: 1 going · 1 maybe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_says_so_on_the_card_and_disables_its_buttons()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var card = await CreateWithCardAsync(bot);

        await bot.InteractAsync(InteractionPayloads.Command("event cancel", new Dictionary<string, object> { ["event"] = "1", ["reason"] = "Talks resumed" }));

        var edit = await bot.Server.Edits.WaitAsync(e => e.Id == card.Id, Wait, "the cancelled card");
        var text = edit.Body["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.Contains("CANCELLED", text, StringComparison.Ordinal);
        Assert.Contains("Reason: Talks resumed", text, StringComparison.Ordinal);
        var buttons = Buttons(edit.Body);
        Assert.All(buttons.Take(4), button => Assert.True(button!["disabled"]!.GetValue<bool>()));
        Assert.Null(buttons[4]!["disabled"]);
    }

    [Fact]
    public async Task Editing_the_time_rewrites_the_card()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var card = await CreateWithCardAsync(bot, link: null);
        var before = card.Body["embeds"]![0]!["description"]!.GetValue<string>();

        await bot.InteractAsync(InteractionPayloads.Command("event edit", new Dictionary<string, object> { ["event"] = "1", ["when"] = "in 4d" }));

        var edit = await bot.Server.Edits.WaitAsync(e => e.Id == card.Id, Wait, "the edited card");
        Assert.NotEqual(before, edit.Body["embeds"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(4, Buttons(edit.Body).Count);
    }

    [Theory]
    [InlineData("rsvp:1:going", "no longer reads")]
    [InlineData("cb1:going:999", "There is no event #999")]
    [InlineData("cb9:going:1", "no longer reads")]
    public async Task Presses_on_old_or_unknown_cards_get_a_clear_private_answer(string customId, string expected)
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await Seed.EventAsync(bot.Store, "Only action", TimeSpan.FromDays(2));

        var callback = await bot.InteractAsync(InteractionPayloads.Press(customId, "1800000000000000099"));

        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        Assert.True(callback.Body["data"].IsEphemeral());
        Assert.Contains(expected, callback.Body["data"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_me_sets_a_personal_reminder_an_hour_before()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var card = await CreateWithCardAsync(bot);

        var callback = await bot.InteractAsync(InteractionPayloads.Press("cb1:remind:1", card.Id));

        Assert.True(callback.Body!["data"].IsEphemeral());
        Assert.Contains("I'll remind you 1h before it starts", callback.Body["data"].Text(), StringComparison.Ordinal);
        var reminder = Assert.Single(await bot.Store.ListPersonalRemindersAsync(new Person(Platform.Discord, InteractionPayloads.SupporterId, "Sam"), Ct));
        Assert.Equal(TimeSpan.FromHours(1), reminder.Before);
    }

    [Fact]
    public async Task Event_info_answers_with_the_card()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await Seed.EventAsync(bot.Store, "Picket line", TimeSpan.FromDays(2), EventKind.Picket);

        var callback = await bot.InteractAsync(InteractionPayloads.Command("event info", new Dictionary<string, object> { ["event"] = "1" }));

        var data = callback.Body!["data"]!;
        Assert.False(data.IsEphemeral());
        Assert.Equal(["Going", "Maybe", "Can't go", "Remind me"], Buttons(data).Select(b => b!["label"]!.GetValue<string>()));
        Assert.Contains("RSVPs: 0 going", data.Text(), StringComparison.Ordinal);
    }
}
