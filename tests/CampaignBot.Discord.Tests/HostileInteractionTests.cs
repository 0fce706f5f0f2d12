using System.Text.Json.Nodes;
using CampaignBot.Core.Ports;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

/// <summary>Interactions an outsider or a newer Discord could send: each gets a private answer saying what to type.</summary>
public sealed class HostileInteractionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Malformed => new()
    {
        { "no data", "named no command" },
        { "null data", "named no command" },
        { "unknown command", "Unknown command \"nuke\"" },
        { "unknown subcommand", "Unknown command \"event nuke\"" },
        { "number option as text", "days must be a whole number" },
        { "number option as object", "days must be a whole number" },
        { "unknown option", "Unknown option \"bogus\"" },
        { "modal submit", "doesn't take that kind of interaction" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_or_unknown_interaction_gets_a_private_answer_saying_what_to_type(string name, string expected)
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var callback = await bot.InteractAsync(Payload(name));

        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        var data = callback.Body["data"];
        Assert.True(data.IsEphemeral(), $"{name}: the error is public");
        var text = data!["content"]!.GetValue<string>();
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([], data["allowed_mentions"]!["parse"]!.AsArray());
        bot.Server.AssertNoViolations();
    }

    [Fact]
    public async Task The_same_interaction_delivered_twice_runs_its_command_once()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var create = InteractionPayloads.Command("event create", new Dictionary<string, object> { ["kind"] = "rally", ["title"] = "Only once", ["when"] = "in 3h" });
        var id = InteractionPayloads.Id(create);

        await bot.Server.SendInteractionAsync((JsonObject)create.DeepClone());
        await bot.Server.SendInteractionAsync((JsonObject)create.DeepClone());
        await bot.Server.Requests.WaitAsync(r => r.Route == DiscordHarnessExtensions.Callback && r.Parameters["interaction_id"] == id, Wait, "the callback");
        await bot.Logs.WaitForAsync(e => e.Message.Contains($"interaction {id} again", StringComparison.Ordinal), Wait);

        var events = await bot.Store.ListEventsAsync(new EventQuery(DateTimeOffset.UtcNow, IncludePast: true), Ct);
        Assert.Single(events, e => e.Title == "Only once");
        Assert.Single(bot.Server.RequestsTo(DiscordHarnessExtensions.Callback), r => r.Parameters["interaction_id"] == id);
    }

    [Fact]
    public async Task Interaction_of_a_kind_newer_than_the_bot_is_logged_and_skipped()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        await bot.Server.SendInteractionAsync(InteractionPayloads.Command("status", type: 42));
        await bot.Logs.WaitForAsync(e => e.Message.Contains("interaction type 42", StringComparison.Ordinal), Wait);
        var status = await bot.InteractAsync(InteractionPayloads.Command("status"));

        Assert.Contains("Discord", status.Body!["data"].Text(), StringComparison.Ordinal);
        Assert.Single(bot.Server.RequestsTo(DiscordHarnessExtensions.Callback));
        bot.Server.AssertNoViolations();
    }

    [Fact]
    public async Task Direct_message_interaction_works_for_supporters_and_refuses_organiser_commands_privately()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await Seed.EventAsync(bot.Store, "Seeded march", TimeSpan.FromDays(3));
        await bot.ConnectedAsync();

        var rsvp = await bot.InteractAsync(InDirectMessage(InteractionPayloads.Command("rsvp", new Dictionary<string, object> { ["event"] = "1", ["answer"] = "going" })));
        var subscribe = await bot.InteractAsync(InDirectMessage(InteractionPayloads.Command("subscribe")));

        Assert.Contains("You're going to #1 Seeded march", rsvp.Body!["data"].Text(), StringComparison.Ordinal);
        Assert.True(subscribe.Body!["data"].IsEphemeral());
        Assert.Contains("Only organisers can use subscribe", subscribe.Body["data"].Text(), StringComparison.Ordinal);
        Assert.Empty(await bot.Store.ListSubscriptionsAsync(Ct));
    }

    [Fact]
    public async Task Autocomplete_for_an_option_or_command_that_does_not_exist_offers_nothing()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await Seed.EventAsync(bot.Store, "Seeded march", TimeSpan.FromDays(3));
        await bot.ConnectedAsync();

        var noOption = await bot.InteractAsync(InteractionPayloads.Command("rsvp", new Dictionary<string, object> { ["event"] = "Se" }, type: 4, focused: "nope"));
        var noCommand = await bot.InteractAsync(InteractionPayloads.Command("event nuke", new Dictionary<string, object> { ["event"] = "Se" }, type: 4, focused: "event"));

        foreach (var callback in (RecordedRequest[])[noOption, noCommand])
        {
            Assert.Equal(8, callback.Body!["type"]!.GetValue<int>());
            Assert.Empty(callback.Body["data"]!["choices"]!.AsArray());
        }
    }

    private static JsonObject Payload(string name)
    {
        switch (name)
        {
            case "no data":
                var noData = InteractionPayloads.Command("status");
                noData.Remove("data");
                return noData;
            case "null data":
                var nullData = InteractionPayloads.Command("status");
                nullData["data"] = null;
                return nullData;
            case "unknown command":
                return InteractionPayloads.Command("nuke");
            case "unknown subcommand":
                return InteractionPayloads.Command("event nuke");
            case "number option as text":
                return InteractionPayloads.Command("hashtag stats", new Dictionary<string, object> { ["tag"] = "NotSafeNotFair", ["days"] = "abc" });
            case "number option as object":
                var asObject = InteractionPayloads.Command("hashtag stats", new Dictionary<string, object> { ["tag"] = "NotSafeNotFair", ["days"] = 3 });
                asObject["data"]!["options"]![0]!["options"]![1]!["value"] = new JsonObject { ["x"] = 1 };
                return asObject;
            case "unknown option":
                return InteractionPayloads.Command("event list", new Dictionary<string, object> { ["bogus"] = "1" });
            default:
                var modal = InteractionPayloads.Command("status", type: 5);
                modal["data"] = new JsonObject { ["custom_id"] = "feedback", ["components"] = new JsonArray() };
                return modal;
        }
    }

    // As Discord sends it from a DM with the bot: no guild, `user` instead of `member`, a DM channel.
    private static JsonObject InDirectMessage(JsonObject interaction)
    {
        interaction.Remove("guild_id");
        interaction["user"] = interaction["member"]!["user"]!.DeepClone();
        interaction.Remove("member");
        interaction["channel_id"] = "1400000000000000077";
        interaction["channel"] = new JsonObject { ["id"] = "1400000000000000077", ["type"] = 1 };
        interaction["context"] = 1;
        return interaction;
    }
}
