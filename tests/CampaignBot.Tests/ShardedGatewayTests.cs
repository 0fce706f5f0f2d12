using CampaignBot.Testing.Discord;

namespace CampaignBot.Tests;

/// <summary>
/// The built bot with two shards against a fake gateway that routes guilds as Discord does (by
/// <c>(guild_id &gt;&gt; 22) % shards</c>): each shard identifies with its own <c>shard</c> pair, hears READY with its
/// own guilds and takes their GUILD_CREATEs without a complaint. The bench's <c>guilds</c> scenario is the long version.
/// </summary>
public sealed class ShardedGatewayTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Each_shard_identifies_with_its_own_shard_and_gets_the_guilds_Discord_routes_to_it()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var guilds = new FakeGuilds(200);
        discord.Guilds = guilds;
        discord.MaxConcurrency = 2;
        await using var bot = DiscordBot.Start(_database.Path, discord, $"--Discord:GatewayUrl={discord.GatewayUrl}", "--Discord:ShardCount=2", "--Discord:RegisterCommands=false");

        var shards = await discord.ShardsIdentified.WaitForCountAsync(_ => true, 2, TimeSpan.FromSeconds(30), "both shards identified");
        await bot.WaitForLogAsync($"Discord shard 0: ready as campaign-bot in {guilds.On(0, 2).Count()} guild(s)", TimeSpan.FromSeconds(10));
        await bot.WaitForLogAsync($"Discord shard 1: ready as campaign-bot in {guilds.On(1, 2).Count()} guild(s)", TimeSpan.FromSeconds(10));
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (discord.GuildCreatesSent < guilds.Count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var memory = bot.Memory();
        bot.Interrupt();
        var run = await bot.WaitAsync();

        Assert.Equal([0, 1], shards.Select(s => s.Shard).Order());
        Assert.All(shards, s => Assert.Equal(guilds.On(s.Shard, 2).Count(), s.Guilds));
        Assert.Equal(guilds.Count, shards.Sum(s => s.Guilds));
        Assert.InRange(guilds.On(0, 2).Count(), 1, guilds.Count - 1);
        Assert.Equal(guilds.Count, discord.GuildCreatesSent);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("malformed", run.Errors, StringComparison.Ordinal);
        Assert.NotNull(memory);
        Assert.InRange(memory.RssKb, 1, memory.PeakKb);
        discord.AssertNoViolations();
    }

    public void Dispose() => _database.Dispose();
}
