using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("Discord:ApplicationId", "my-app", "Discord:ApplicationId")]
    [InlineData("Discord:Token", "", "Discord:Token")]
    [InlineData("Discord:Token", "Bot abc", "Discord:Token")]
    [InlineData("Discord:ApiBaseUrl", "discord.com", "Discord:ApiBaseUrl")]
    [InlineData("Discord:GatewayUrl", "https://gateway.discord.gg", "Discord:GatewayUrl")]
    [InlineData("Discord:GuildIds:0", "guild", "Discord:GuildIds")]
    [InlineData("Discord:OrganiserRoleIds:0", "admins", "Discord:OrganiserRoleIds")]
    [InlineData("Discord:ShardIds:0", "3", "Discord:ShardIds")]
    [InlineData("Discord:DeferAfterMilliseconds", "5000", "Discord:DeferAfterMilliseconds")]
    public async Task Bad_setting_is_refused_naming_the_key(string key, string value, string named)
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings[key] = value, start: false);

        var failure = Assert.Throws<OptionsValidationException>(() => bot.Get<IOptions<DiscordOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lists_accept_comma_separated_values()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:GuildIds:0"] = "1200000000000000001, 1200000000000000002", start: false);

        var options = bot.Get<IOptions<DiscordOptions>>().Value;

        Assert.Equal(["1200000000000000001", "1200000000000000002"], options.Guilds);
        Assert.Equal([0], options.Shards);
    }
}
