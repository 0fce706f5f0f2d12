using CampaignBot.Testing.Discord;
using CampaignBot.Testing.Telemetry;

namespace CampaignBot.Discord.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task REST_responses_and_interaction_latency_are_recorded()
    {
        using var metrics = new MetricRecorder();
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        var callback = await bot.InteractAsync(InteractionPayloads.Command("help"));

        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        Assert.NotEmpty(metrics.Values("campaignbot.discord.rest.requests", ("http.response.status_code", 200)));
        var latencies = await WaitForAsync(() => metrics.Values("campaignbot.discord.interaction.duration", ("step", "reply")));
        Assert.NotEmpty(latencies);
        Assert.All(latencies, seconds => Assert.InRange(seconds, 0, 3));
    }

    // The callback reaches the fake a moment before the handler records how long Discord took to accept it.
    private static async Task<IReadOnlyList<double>> WaitForAsync(Func<IReadOnlyList<double>> read)
    {
        for (var i = 0; i < 100 && read().Count == 0; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return read();
    }
}
