using CampaignBot.Discord.Registration;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Discord.Tests;

public sealed class RegistrationTests
{
    private const string GuildPut = "PUT /applications/{application_id}/guilds/{guild_id}/commands";
    private const string GlobalPut = "PUT /applications/{application_id}/commands";

    [Fact]
    public async Task Commands_are_registered_per_guild_once_and_not_again_when_unchanged()
    {
        await using var database = new SqliteTestDatabase();
        const string secondGuild = "1200000000000000002";
        void Guilds(Dictionary<string, string?> settings) => settings["Discord:GuildIds:1"] = secondGuild;

        await using (var first = await DiscordHarness.CreateAsync(Guilds, database: database))
        {
            await first.ConnectedAsync();
            var puts = first.Server.RequestsTo(GuildPut);
            Assert.Equal(2, puts.Count);
            Assert.Equal([Testing.Discord.FakeDiscordServer.GuildId, secondGuild], puts.Select(p => p.Parameters["guild_id"]).Order());
            Assert.Equal(CommandDefinitions.Build().Count, puts[0].Body!.AsArray().Count);
        }

        await using (var second = await DiscordHarness.CreateAsync(Guilds, database: database))
        {
            await second.ConnectedAsync();
            Assert.Empty(second.Server.RequestsTo(GuildPut));
            Assert.Empty(second.Server.RequestsTo(GlobalPut));
        }
    }

    [Fact]
    public async Task Changed_definitions_are_registered_again()
    {
        await using var database = new SqliteTestDatabase();
        await using (var first = await DiscordHarness.CreateAsync(database: database))
        {
            await first.ConnectedAsync();
            await first.Store.SetSettingAsync($"discord.commands.{Testing.Discord.FakeDiscordServer.ApplicationId}.{Testing.Discord.FakeDiscordServer.GuildId}", "an older hash", TestContext.Current.CancellationToken);
        }

        await using var second = await DiscordHarness.CreateAsync(database: database);
        await second.ConnectedAsync();

        Assert.Single(second.Server.RequestsTo(GuildPut));
    }

    [Fact]
    public async Task Switching_from_global_to_guild_commands_empties_the_global_ones_once()
    {
        await using var database = new SqliteTestDatabase();
        await using (var global = await DiscordHarness.CreateAsync(settings => settings.Remove("Discord:GuildIds:0"), database: database))
        {
            await global.ConnectedAsync();
            Assert.Single(global.Server.RequestsTo(GlobalPut));
        }

        await using (var guild = await DiscordHarness.CreateAsync(database: database))
        {
            await guild.ConnectedAsync();
            var emptied = Assert.Single(guild.Server.RequestsTo(GlobalPut));
            Assert.Empty(emptied.Body!.AsArray());
            Assert.Equal(CommandDefinitions.Build().Count, Assert.Single(guild.Server.RequestsTo(GuildPut)).Body!.AsArray().Count);
        }

        await using var again = await DiscordHarness.CreateAsync(database: database);
        await again.ConnectedAsync();
        Assert.Empty(again.Server.RequestsTo(GlobalPut));
        Assert.Empty(again.Server.RequestsTo(GuildPut));
    }

    [Fact]
    public async Task Without_guilds_commands_are_registered_globally()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings.Remove("Discord:GuildIds:0"));
        await bot.ConnectedAsync();

        Assert.Single(bot.Server.RequestsTo(GlobalPut));
        Assert.Empty(bot.Server.RequestsTo(GuildPut));
    }

    [Fact]
    public async Task The_gateway_identifies_while_commands_register_and_the_bot_is_connected_only_once_they_are()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        // The registration waits out a second of rate limit, while the gateway connects and READY arrives.
        bot.Server.Inject(GuildPut, Testing.Discord.InjectedResponse.RateLimited(1));
        await bot.StartAsync();

        await bot.Server.WaitForOpAsync(2, timeout: TimeSpan.FromSeconds(10));
        while (!(await bot.Status.DescribeAsync(TestContext.Current.CancellationToken)).Any(line => line.Contains("ready", StringComparison.Ordinal)))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain(bot.Server.RequestsTo(GuildPut), r => r.Status == 200);
        Assert.False(bot.Status.WhenConnected.IsCompleted);
        Assert.DoesNotContain("connected", bot.Status.State, StringComparison.Ordinal);

        await bot.ConnectedAsync();
        Assert.Single(bot.Server.RequestsTo(GuildPut), r => r.Status == 200);
        Assert.StartsWith("connected as", bot.Status.State, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_registration_is_retried_at_the_next_start()
    {
        await using var database = new SqliteTestDatabase();
        await using (var first = await DiscordHarness.CreateAsync(database: database, start: false))
        {
            first.Server.Inject(GuildPut, Testing.Discord.InjectedResponse.Error(400, 30034, "Max number of daily application command creates has been reached (200)"));
            await first.StartAsync();
            await first.ConnectedAsync();
            Assert.Contains(first.Logs.Entries, e => e.Message.Contains("200 creates a day", StringComparison.Ordinal));
        }

        await using var second = await DiscordHarness.CreateAsync(database: database);
        await second.ConnectedAsync();
        Assert.Single(second.Server.RequestsTo(GuildPut), r => r.Status == 200);
    }

    [Fact]
    public void Organiser_only_commands_default_to_manage_events()
    {
        var commands = CommandDefinitions.Build().Select(c => c!.AsObject()).ToDictionary(c => c["name"]!.GetValue<string>());

        foreach (var name in new[] { "boost", "settings", "subscribe", "unsubscribe", "announce" })
        {
            Assert.Equal(1UL << 33, commands[name]["default_member_permissions"]!.GetValue<ulong>());
        }

        foreach (var name in new[] { "help", "event", "hashtag", "rsvp", "remind", "status" })
        {
            Assert.Null(commands[name]["default_member_permissions"]);
        }
    }

    [Fact]
    public async Task Definitions_validate_against_the_reference_spec()
    {
        var contract = await Testing.Contracts.OpenApiContract.LoadAsync("discord/openapi.json");

        var violations = contract.Validate(GlobalPut, CommandDefinitions.Build().ToJsonString());

        Assert.Empty(violations);
    }

    [Fact]
    public void Definitions_follow_discords_rules()
    {
        var commands = CommandDefinitions.Build();
        var problems = new List<string>();
        Assert.InRange(commands.Count, 1, 100);
        Assert.Equal(commands.Count, commands.Select(c => c!["name"]!.GetValue<string>()).Distinct().Count());
        foreach (var command in commands.Select(c => c!.AsObject()))
        {
            var name = command["name"]!.GetValue<string>();
            problems.AddRange(DiscordCommandRules.Check(command, name));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Hash_is_stable_and_follows_the_definitions()
    {
        var a = CommandDefinitions.Build();
        var b = CommandDefinitions.Build();
        var changed = CommandDefinitions.Build();
        changed[0]!["description"] = "something else";

        Assert.Equal(CommandDefinitions.Hash(a), CommandDefinitions.Hash(b));
        Assert.NotEqual(CommandDefinitions.Hash(a), CommandDefinitions.Hash(changed));
        Assert.Equal(64, CommandDefinitions.Hash(a).Length);
    }
}
