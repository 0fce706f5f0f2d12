using CampaignBot.Testing.Discord;
using CampaignBot.Commands.Routing;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Discord.Tests;

public sealed class InteractionResponseTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "unknown option", "event list", """{"colour":"red"}""", "Unknown option" },
        { "title too long", "event create", $$"""{"kind":"march","title":"{{new string('x', 101)}}","when":"in 2h"}""", "too long" },
        { "past time", "event create", """{"kind":"march","title":"Too late","when":"2020-01-01 12:00"}""", "in the past" },
        { "unknown zone", "settings timezone", """{"zone":"Mars/Olympus_Mons"}""", "Unknown time zone" },
        { "unknown event", "event info", """{"event":"Nonexistent"}""", "No event's title starts with" },
        { "ambiguous prefix", "rsvp", """{"event":"Strike","answer":"going"}""", "matches 2 events" },
        { "RSVP to cancelled", "rsvp", """{"event":"Cancelled rally","answer":"going"}""", "cancelled" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_an_ephemeral_reply_with_the_fix(string why, string path, string options, string expected)
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await Seed.EventAsync(bot.Store, "Strike day one", TimeSpan.FromDays(2), EventKind.Strike);
        await Seed.EventAsync(bot.Store, "Strike day two", TimeSpan.FromDays(3), EventKind.Strike);
        await Seed.EventAsync(bot.Store, "Cancelled rally", TimeSpan.FromDays(4), EventKind.Rally, EventStatus.Cancelled);
        await bot.ConnectedAsync();

        var values = System.Text.Json.Nodes.JsonNode.Parse(options)!.AsObject().ToDictionary(p => p.Key, p => (object)p.Value!.GetValue<string>());
        var callback = await bot.InteractAsync(InteractionPayloads.Command(path, values));

        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        var data = callback.Body["data"];
        Assert.True(data.IsEphemeral(), $"{why}: not ephemeral");
        var text = data.Text();
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.True(text.Split('\n').Length >= 2, $"{why}: no hint line in {text}");
        Assert.Empty(bot.Server.RequestsTo(DiscordHarnessExtensions.EditOriginal));
    }

    [Fact]
    public async Task Slow_command_is_deferred_within_the_deadline_then_the_original_is_edited()
    {
        GatedRouter? gated = null;
        await using var bot = await DiscordHarness.CreateAsync(
            settings => settings["Discord:DeferAfterMilliseconds"] = "100",
            services => services.AddSingleton<ICommandRouter>(sp => gated = new GatedRouter(ActivatorUtilities.CreateInstance<CommandRouter>(sp))));
        await bot.ConnectedAsync();
        await Seed.EventAsync(bot.Store, "Slow march", TimeSpan.FromDays(1));

        var sentAt = TimeProvider.System.GetTimestamp();
        var callback = await bot.InteractAsync(InteractionPayloads.Command("event info", new Dictionary<string, object> { ["event"] = "Slow march" }));
        var deferredAfter = TimeProvider.System.GetElapsedTime(sentAt, callback.Timestamp);
        gated!.Gate.SetResult();
        var edit = await bot.Server.Requests.WaitAsync(r => r.Route == DiscordHarnessExtensions.EditOriginal, Wait);

        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        Assert.InRange(deferredAfter, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3));
        Assert.Contains("Slow march", edit.Body.Text(), StringComparison.Ordinal);
        Assert.Equal(FakeDiscordServerIds.Application, edit.Parameters["webhook_id"]);
        Assert.Empty(bot.Server.RequestsTo(DiscordHarnessExtensions.DeleteOriginal));
    }

    [Fact]
    public async Task Deferred_failure_removes_the_placeholder_and_follows_up_privately()
    {
        GatedRouter? gated = null;
        await using var bot = await DiscordHarness.CreateAsync(
            settings => settings["Discord:DeferAfterMilliseconds"] = "50",
            services => services.AddSingleton<ICommandRouter>(sp => gated = new GatedRouter(ActivatorUtilities.CreateInstance<CommandRouter>(sp))));
        await bot.ConnectedAsync();

        var callback = await bot.InteractAsync(InteractionPayloads.Command("event info", new Dictionary<string, object> { ["event"] = "Nothing like this" }));
        gated!.Gate.SetResult();
        var followup = await bot.Server.Requests.WaitAsync(r => r.Route == DiscordHarnessExtensions.Followup, Wait);

        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        var delete = Assert.Single(bot.Server.RequestsTo(DiscordHarnessExtensions.DeleteOriginal));
        Assert.True(delete.Timestamp < followup.Timestamp);
        Assert.True(followup.Body.IsEphemeral());
        Assert.Contains("No event's title starts with", followup.Body.Text(), StringComparison.Ordinal);
        Assert.Empty(bot.Server.RequestsTo(DiscordHarnessExtensions.EditOriginal));
    }

    [Fact]
    public async Task Autocomplete_offers_matching_events()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await Seed.EventAsync(bot.Store, "Save our NHS march", TimeSpan.FromDays(2));
        await Seed.EventAsync(bot.Store, "Picket at St Thomas'", TimeSpan.FromDays(3), EventKind.Picket);
        await bot.ConnectedAsync();

        var callback = await bot.InteractAsync(InteractionPayloads.Command("rsvp", new Dictionary<string, object> { ["event"] = "Sav" }, type: 4, focused: "event"));

        Assert.Equal(8, callback.Body!["type"]!.GetValue<int>());
        var choices = callback.Body["data"]!["choices"]!.AsArray();
        Assert.Contains(choices, c => c!["name"]!.GetValue<string>().Contains("Save our NHS march", StringComparison.Ordinal));
        Assert.DoesNotContain(choices, c => c!["name"]!.GetValue<string>().Contains("Picket", StringComparison.Ordinal));
        Assert.All(choices, c => Assert.InRange(c!["value"]!.GetValue<string>().Length, 1, 100));
    }

    [Fact]
    public async Task Autocomplete_offers_time_zones()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var callback = await bot.InteractAsync(InteractionPayloads.Command("settings timezone", new Dictionary<string, object> { ["zone"] = "Europe/Lon" }, type: 4, focused: "zone"));

        var choices = callback.Body!["data"]!["choices"]!.AsArray();
        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "Europe/London");
        Assert.InRange(choices.Count, 1, 25);
    }
}
