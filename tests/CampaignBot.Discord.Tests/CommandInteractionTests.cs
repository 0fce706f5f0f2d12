using CampaignBot.Testing.Discord;
using System.Text.Json.Nodes;

namespace CampaignBot.Discord.Tests;

public sealed class CommandInteractionTests
{
    public static TheoryData<string, string, string> Commands => new()
    {
        { "help", "{}", "event create" },
        { "help", """{"command":"event create"}""", "kind" },
        { "event create", """{"kind":"march","title":"Save our NHS","when":"in 2h","location":"Parliament Square"}""", "Save our NHS" },
        { "event list", "{}", "Seeded march" },
        { "event info", """{"event":"1"}""", "Seeded march" },
        { "event edit", """{"event":"Seeded","location":"Whitehall"}""", "Whitehall" },
        { "event cancel", """{"event":"1","reason":"Talks resumed"}""", "Seeded march" },
        { "rsvp", """{"event":"1","answer":"going"}""", "going" },
        { "remind", """{"event":"1","before":"30m"}""", "Seeded march" },
        { "hashtag track", """{"tag":"LoveYourNHS"}""", "LoveYourNHS" },
        { "hashtag untrack", """{"tag":"ImInWorkJeremy"}""", "ImInWorkJeremy" },
        { "hashtag list", "{}", "NotSafeNotFair" },
        { "hashtag stats", """{"tag":"NotSafeNotFair","days":7}""", "NotSafeNotFair" },
        { "subscribe", """{"kinds":"march,strike"}""", "#actions" },
        { "unsubscribe", "{}", "#actions" },
        { "announce", """{"text":"Strike is on, tell @everyone!"}""", "Announced" },
        { "boost pause", "{}", "ause" },
        { "boost resume", "{}", "boost" },
        { "boost status", "{}", "oost" },
        { "settings timezone", """{"zone":"Europe/Dublin"}""", "Europe/Dublin" },
        { "status", "{}", "Discord" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_is_answered_through_an_interaction(string path, string options, string expected)
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await Seed.EventAsync(bot.Store, "Seeded march", TimeSpan.FromDays(3));
        if (path is "unsubscribe" or "announce")
        {
            await Seed.SubscribeAsync(bot.Store);
        }

        await bot.ConnectedAsync();
        var values = JsonNode.Parse(options)!.AsObject().ToDictionary(p => p.Key, p => (object)(p.Value!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? p.Value.GetValue<int>() : p.Value.GetValue<string>()));
        var callback = await bot.InteractAsync(InteractionPayloads.Command(path, values));

        var reply = callback.Body!["type"]!.GetValue<int>() == 4
            ? callback.Body["data"]
            : (await bot.Server.Requests.WaitAsync(r => r.Route == DiscordHarnessExtensions.EditOriginal, TimeSpan.FromSeconds(5))).Body;
        var text = reply.Text();
        Assert.True(text.Contains(expected, StringComparison.OrdinalIgnoreCase), $"{path}: expected \"{expected}\" in: {text}");
        Assert.DoesNotContain("isn't", text, StringComparison.Ordinal);
        Assert.Equal([], reply!["allowed_mentions"]!["parse"]!.AsArray());
        if (path == "announce")
        {
            var posted = await bot.Server.Messages.WaitAsync(m => m.ChannelId == InteractionPayloads.ChannelId, TimeSpan.FromSeconds(5));
            Assert.Contains("@\u200Beveryone", posted.Body.Text(), StringComparison.Ordinal);
            Assert.Equal([], posted.Body["allowed_mentions"]!["parse"]!.AsArray());
        }
    }

    [Fact]
    public async Task Event_create_echoes_the_start_as_a_discord_timestamp()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var callback = await bot.InteractAsync(InteractionPayloads.Command("event create", new Dictionary<string, object>
        {
            ["kind"] = "strike",
            ["title"] = "Walkout",
            ["when"] = "2030-03-01T09:00:00+00:00",
        }));

        var text = callback.Body!["data"].Text();
        Assert.Equal(4, callback.Body["type"]!.GetValue<int>());
        Assert.Contains($"<t:{new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()}:F>", text, StringComparison.Ordinal);
        Assert.False(callback.Body["data"].IsEphemeral());
    }

    [Fact]
    public async Task Organiser_role_grants_organiser_commands_and_plain_members_are_refused()
    {
        const string role = "1600000000000000001";
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:OrganiserRoleIds:0"] = role);
        await bot.ConnectedAsync();
        var options = new Dictionary<string, object> { ["zone"] = "Europe/Dublin" };

        var refused = await bot.InteractAsync(InteractionPayloads.Command("settings timezone", options, permissions: "0", userId: InteractionPayloads.SupporterId));
        var allowed = await bot.InteractAsync(InteractionPayloads.Command("settings timezone", options, permissions: "0", userId: InteractionPayloads.SupporterId, roles: [role]));
        var manager = await bot.InteractAsync(InteractionPayloads.Command("settings timezone", options, permissions: InteractionPayloads.ManageEvents, userId: InteractionPayloads.SupporterId));

        Assert.True(refused.Body!["data"].IsEphemeral());
        Assert.Contains("organisers", refused.Body["data"].Text(), StringComparison.OrdinalIgnoreCase);
        Assert.False(allowed.Body!["data"].IsEphemeral(), allowed.Body["data"].Text());
        Assert.False(manager.Body!["data"].IsEphemeral(), manager.Body["data"].Text());
    }
}
