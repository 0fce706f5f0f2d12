using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

/// <summary>Gateway frames no Discord should send: each is logged and skipped, and the connection lives on.</summary>
public sealed class HostileGatewayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("""{"op":1.5}""")]
    [InlineData("""{"op":99999999999}""")]
    [InlineData("""{"op":0,"s":1.5,"t":"SOMETHING","d":{}}""")]
    [InlineData("""{"op":0,"s":99999999999999999999,"t":"SOMETHING","d":{}}""")]
    [InlineData("""{"op":0,"s":8,"t":"\ud800","d":{}}""")]
    [InlineData("""{"op":0,"s":8,"t":"A_DISPATCH_FROM_THE_FUTURE","d":{"x":1}}""")]
    [InlineData("""{"op":0,"s":8,"t":"INTERACTION_CREATE","d":null}""")]
    [InlineData("""{"op":0,"s":8,"t":"GUILD_SCHEDULED_EVENT_USER_ADD","d":null}""")]
    [InlineData("""{"op":0,"s":8,"t":"GUILD_SCHEDULED_EVENT_CREATE","d":[]}""")]
    [InlineData("""{"op":0,"s":8,"t":"INTERACTION_CREATE","d":{"id":"1","application_id":"2","token":"t","type":2,"user":{"id":"3"},"data":{"name":"status","options":[7]}}}""")]
    [InlineData("""{"op":42,"d":{}}""")]
    [InlineData("""{"op":10,"d":null}""")]
    [InlineData("""{"op":11,"d":{"heartbeat_interval":"soon"}}""")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"op\"")]
    [InlineData("""{"op":0,"s":8,"t":"READY""")]
    public async Task Malformed_frame_is_skipped_and_the_connection_lives_on(string frame)
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        await bot.Server.SendRawAsync(frame);
        var status = await bot.InteractAsync(InteractionPayloads.Command("status"));

        Assert.Contains("Discord", status.Body!["data"].Text(), StringComparison.Ordinal);
        Assert.Equal(1, bot.Server.Connections.Count);
        Assert.False(bot.AdapterTask?.IsCompleted ?? false);
    }

    [Fact]
    public async Task A_frame_of_a_megabyte_is_read_and_the_connection_lives_on()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var padding = new string('x', 1024 * 1024);
        await bot.Server.SendRawAsync("{\"op\":0,\"s\":8,\"t\":\"A_DISPATCH_FROM_THE_FUTURE\",\"d\":{\"padding\":\"" + padding + "\"}}");
        var status = await bot.InteractAsync(InteractionPayloads.Command("status"));

        Assert.Contains("Discord", status.Body!["data"].Text(), StringComparison.Ordinal);
        Assert.Equal(1, bot.Server.Connections.Count);
    }
}
