using CampaignBot.Testing.Discord;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Discord.Tests;

public sealed class StatusTests
{
    [Fact]
    public async Task Status_section_reports_the_connection()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var source = Assert.Single(bot.Services.GetServices<IStatusSource>(), s => s.Section == "Discord");
        var lines = await source.DescribeAsync(TestContext.Current.CancellationToken);

        Assert.Contains("connected as campaign-bot", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("shard 0:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_command_on_discord_includes_the_discord_section()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var callback = await bot.InteractAsync(InteractionPayloads.Command("status"));

        Assert.Contains("connected as campaign-bot", callback.Body!["data"].Text(), StringComparison.Ordinal);
    }
}
