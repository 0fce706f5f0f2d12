using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

public sealed class ScheduledEventTests
{
    private const string Create = "POST /guilds/{guild_id}/scheduled-events";
    private const string Modify = "PATCH /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}";

    private static Task<Testing.Discord.RecordedRequest> CreateActionAsync(DiscordHarness bot, string title = "Save our NHS", string when = "in 3d") =>
        bot.InteractAsync(InteractionPayloads.Command("event create", new Dictionary<string, object>
        {
            ["kind"] = "march", ["title"] = title, ["when"] = when, ["duration"] = "3h",
            ["location"] = "Parliament Square", ["link"] = "https://example.org/march", ["description"] = "Bring banners",
        }));

    [Fact]
    public async Task Creating_an_action_puts_it_in_the_servers_events_tab()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        await CreateActionAsync(bot);

        var native = Assert.Single(bot.Server.ScheduledEvents.Values);
        Assert.Equal(FakeDiscordServer.GuildId, native["guild_id"]!.GetValue<string>());
        Assert.Equal("Save our NHS", native["name"]!.GetValue<string>());
        Assert.Equal(3, native["entity_type"]!.GetValue<int>());
        Assert.Equal("Parliament Square", native["entity_metadata"]!["location"]!.GetValue<string>());
        var start = DateTimeOffset.Parse(native["scheduled_start_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(native["scheduled_end_time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(3), end - start);
        var description = native["description"]!.GetValue<string>();
        Assert.Contains("Bring banners", description, StringComparison.Ordinal);
        Assert.Contains("https://example.org/march", description, StringComparison.Ordinal);
        Assert.Contains("press Interested, or /rsvp 1 going", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_move_the_native_event_and_a_cancellation_sets_it_canceled_without_deleting_it()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await CreateActionAsync(bot);
        var id = Assert.Single(bot.Server.ScheduledEvents.Keys);
        var before = bot.Server.ScheduledEvents[id]["scheduled_start_time"]!.GetValue<string>();

        await bot.InteractAsync(InteractionPayloads.Command("event edit", new Dictionary<string, object> { ["event"] = "1", ["when"] = "in 4d" }));
        Assert.NotEqual(before, bot.Server.ScheduledEvents[id]["scheduled_start_time"]!.GetValue<string>());
        Assert.Equal(1, bot.Server.ScheduledEvents[id]["status"]!.GetValue<int>());

        await bot.InteractAsync(InteractionPayloads.Command("event cancel", new Dictionary<string, object> { ["event"] = "1" }));

        Assert.Equal(4, bot.Server.ScheduledEvents[id]["status"]!.GetValue<int>());
        Assert.Single(bot.Server.RequestsTo(Create));
        Assert.Equal(2, bot.Server.RequestsTo(Modify).Count);
    }

    [Fact]
    public async Task Without_the_permission_the_bot_says_so_once_and_stops_asking()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        bot.Server.DenyScheduledEvents = true;
        await bot.ConnectedAsync();

        await CreateActionAsync(bot, "First");
        await CreateActionAsync(bot, "Second");

        Assert.NotNull(await bot.Store.GetEventAsync(2, TestContext.Current.CancellationToken));
        Assert.Single(bot.Server.Requests.Items, r => r.Route.Contains("scheduled-events", StringComparison.Ordinal));
        var lines = await bot.Status.DescribeAsync(TestContext.Current.CancellationToken);
        var line = Assert.Single(lines, l => l.StartsWith("events tab:", StringComparison.Ordinal));
        Assert.Contains("Grant the bot Create Events and Manage Events", line, StringComparison.Ordinal);
        Assert.Single(bot.Logs.Entries, e => e.Message.Contains("refused to manage scheduled events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turned_off_no_native_events_are_made()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:ScheduledEvents"] = "false");
        await bot.ConnectedAsync();

        await CreateActionAsync(bot);

        Assert.Empty(bot.Server.ScheduledEvents);
        Assert.DoesNotContain(bot.Server.Requests.Items, r => r.Route.Contains("scheduled-events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_restart_the_bot_finds_its_own_events_and_updates_them()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var database = new Testing.Databases.SqliteTestDatabase();
        await using (var first = await DiscordHarness.CreateAsync(server: server, database: database))
        {
            await first.ConnectedAsync();
            await CreateActionAsync(first);
        }

        await using var second = await DiscordHarness.CreateAsync(server: server, database: database);
        await second.ConnectedAsync();
        await second.InteractAsync(InteractionPayloads.Command("event cancel", new Dictionary<string, object> { ["event"] = "1" }));

        Assert.Equal(4, Assert.Single(server.ScheduledEvents.Values)["status"]!.GetValue<int>());
        Assert.Single(server.RequestsTo(Create));
    }

    private static System.Text.Json.Nodes.JsonObject Interest(string scheduledId, string userId) => new()
    {
        ["guild_scheduled_event_id"] = scheduledId,
        ["user_id"] = userId,
        ["guild_id"] = FakeDiscordServer.GuildId,
    };

    [Fact]
    public async Task Interested_counts_as_going_and_removing_it_withdraws_only_that_rsvp()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await CreateActionAsync(bot);
        var scheduledId = Assert.Single(bot.Server.ScheduledEvents.Keys);
        var interested = new Core.Domain.Person(Core.Domain.Platform.Discord, "1600000000000000001", "?");
        var pressedMaybe = new Core.Domain.Person(Core.Domain.Platform.Discord, InteractionPayloads.SupporterId, "Sam");
        await bot.InteractAsync(InteractionPayloads.Command("rsvp", new Dictionary<string, object> { ["event"] = "1", ["answer"] = "maybe" }, userId: InteractionPayloads.SupporterId, permissions: "0"));

        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_ADD", Interest(scheduledId, interested.Id));
        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_ADD", Interest(scheduledId, pressedMaybe.Id));
        await WaitAsync(async () => (await bot.Store.GetRsvpAsync(1, interested, Ct))?.Answer == Core.Domain.RsvpAnswer.Going);
        var counts = (await bot.Store.GetRsvpCountsAsync([1], Ct))[1];
        Assert.Equal((1, 1), (counts.Going, counts.Maybe));

        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_REMOVE", Interest(scheduledId, interested.Id));
        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_REMOVE", Interest(scheduledId, pressedMaybe.Id));
        await WaitAsync(async () => await bot.Store.GetRsvpAsync(1, interested, Ct) is null);

        Assert.Equal(Core.Domain.RsvpAnswer.Maybe, (await bot.Store.GetRsvpAsync(1, pressedMaybe, Ct))?.Answer);
    }

    [Fact]
    public async Task Taking_back_interested_updates_the_event_card()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await Seed.SubscribeAsync(bot.Store);
        await CreateActionAsync(bot);
        var card = await bot.Server.Messages.WaitAsync(m => m.Body["components"] is not null, TimeSpan.FromSeconds(10), "the event card");
        var scheduledId = Assert.Single(bot.Server.ScheduledEvents.Keys);
        static string Counts(PostedMessage edit) => edit.Body["embeds"]![0]!["description"]!.GetValue<string>();

        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_ADD", Interest(scheduledId, "1600000000000000001"));
        await bot.Server.Edits.WaitAsync(e => e.Id == card.Id && Counts(e).Contains("1 going · 0 maybe", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the card counting the interested member");
        bool NoneGoing(PostedMessage e) => e.Id == card.Id && Counts(e).Contains("0 going · 0 maybe", StringComparison.Ordinal);
        var before = bot.Server.Edits.Items.Count(NoneGoing);
        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_REMOVE", Interest(scheduledId, "1600000000000000001"));

        await bot.Server.Edits.WaitForCountAsync(NoneGoing, before + 1, TimeSpan.FromSeconds(10), "the card once interest is taken back");
        Assert.Null(await bot.Store.GetRsvpAsync(1, new Core.Domain.Person(Core.Domain.Platform.Discord, "1600000000000000001", "?"), Ct));
    }

    [Fact]
    public async Task An_rsvp_changed_after_interested_survives_removing_interested()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await CreateActionAsync(bot);
        var scheduledId = Assert.Single(bot.Server.ScheduledEvents.Keys);
        var sam = new Core.Domain.Person(Core.Domain.Platform.Discord, InteractionPayloads.SupporterId, "Sam");

        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_ADD", Interest(scheduledId, sam.Id));
        await WaitAsync(async () => await bot.Store.GetRsvpAsync(1, sam, Ct) is not null);
        await Task.Delay(5, Ct); // a later answer has a later instant
        await bot.InteractAsync(InteractionPayloads.Command("rsvp", new Dictionary<string, object> { ["event"] = "1", ["answer"] = "maybe" }, userId: sam.Id, permissions: "0"));
        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_REMOVE", Interest(scheduledId, sam.Id));
        await Task.Delay(500, Ct);

        Assert.Equal(Core.Domain.RsvpAnswer.Maybe, (await bot.Store.GetRsvpAsync(1, sam, Ct))?.Answer);
    }

    [Fact]
    public async Task Interested_changes_made_while_the_bot_was_down_are_caught_up_at_start()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        var database = new Testing.Databases.SqliteTestDatabase();
        var left = InterestDispatcherMember("1600000000000000001");
        string scheduledId;
        await using (var first = await DiscordHarness.CreateAsync(server: server, database: database))
        {
            await first.ConnectedAsync();
            await CreateActionAsync(first);
            scheduledId = Assert.Single(server.ScheduledEvents.Keys);
            await server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_USER_ADD", Interest(scheduledId, left.Id));
            await WaitAsync(async () => await first.Store.GetRsvpAsync(1, left, Ct) is not null);
        }

        // While the bot is down, the first member loses interest and 150 others press Interested (two pages).
        server.SetInterested(scheduledId, Enumerable.Range(2, 150).Select(i => (1600000000000000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var second = await DiscordHarness.CreateAsync(server: server, database: database);
        await second.ConnectedAsync();

        await WaitAsync(async () => (await second.Store.GetRsvpCountsAsync([1], Ct))[1].Going == 150 && await second.Store.GetRsvpAsync(1, left, Ct) is null);
        Assert.Equal(2, server.RequestsTo("GET /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/users").Count);
    }

    [Fact]
    public async Task An_event_made_in_discords_ui_becomes_an_action_with_a_card_and_is_not_mirrored_twice()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await Seed.SubscribeAsync(bot.Store);
        var start = DateTimeOffset.UtcNow.AddDays(5);
        var made = bot.Server.CreateScheduledEventInUi("Strike at St Thomas'", start, start.AddHours(8), "Westminster Bridge Rd", InteractionPayloads.OrganiserId);

        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_CREATE", made);

        var card = await bot.Server.Messages.WaitAsync(m => m.Body["components"] is not null, TimeSpan.FromSeconds(10), "the imported action's card");
        var action = await bot.Store.GetEventAsync(1, Ct);
        Assert.NotNull(action);
        Assert.Equal(Core.Domain.EventKind.Strike, action.Kind);
        Assert.Equal("Strike at St Thomas'", action.Title);
        Assert.Equal("Westminster Bridge Rd", action.Location);
        Assert.Equal(TimeSpan.FromHours(8), action.End - action.Start);
        Assert.Contains("Strike at St Thomas'", card.Body["embeds"]![0]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        await WaitAsync(() => Task.FromResult(bot.Server.ScheduledEvents[made["id"]!.GetValue<string>()]["description"]?.GetValue<string>()?.Contains("CampaignBot action #1", StringComparison.Ordinal) == true));
        Assert.Single(bot.Server.ScheduledEvents);
        Assert.Empty(bot.Server.RequestsTo(Create));

        // The bot's own events are never imported back.
        await CreateActionAsync(bot, "Own march");
        var own = bot.Server.ScheduledEvents.Values.Single(e => e["name"]!.GetValue<string>() == "Own march");
        await bot.Server.SendDispatchAsync("GUILD_SCHEDULED_EVENT_CREATE", own.DeepClone());
        await Task.Delay(300, Ct);
        Assert.Null(await bot.Store.GetEventAsync(3, Ct));
    }

    private static Core.Domain.Person InterestDispatcherMember(string id) => new(Core.Domain.Platform.Discord, id, "?");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out waiting for the RSVP to change");
            await Task.Delay(20, Ct);
        }
    }
}
