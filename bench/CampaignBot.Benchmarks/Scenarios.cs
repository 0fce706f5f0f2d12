namespace CampaignBot.Benchmarks;

/// <summary>Every scenario, by the name given on the command line (DESIGN.md's list).</summary>
public static class Scenarios
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new Discord.FanOutScenario(),
        new Discord.InteractionLatencyScenario(),
        new Discord.GatewayIngestScenario(),
        new Discord.ButtonStormScenario(),
        new Mastodon.BoostLatencyScenario(),
        new Mastodon.IngestScenario(),
        new Mastodon.PollingScenario(),
        new Scheduling.FireLagScenario(),
        new Scheduling.ScheduleScenario(),
        new Scheduling.RestartScenario(),
        new Startup.StartScenario(),
        new Web.WebScenario(),
        new Scheduling.ChaosScenario(),
        new Footprint.IdleScenario(),
        new Footprint.FanOutBotScenario(),
        new Footprint.FireLagBotScenario(),
        new Footprint.GuildsScenario(),
        new Footprint.MastodonBotScenario(),
    ];
}
