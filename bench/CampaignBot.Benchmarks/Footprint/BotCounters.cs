namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// What <c>fire-lag-bot</c> reads from the bot's own <c>/metrics</c> at one moment: its fire-lag histogram's sum and
/// count (one value per instant: due instant → the dispatcher woke and began that instant's sends), and its
/// collections so far (all generations) with their total pause.
/// </summary>
internal sealed record BotCounters(double? LagSeconds, double? Instants, double? Collections, double? PauseSeconds)
{
    private const string LagMetric = "campaignbot_reminder_fire_lag_seconds";

    public static async Task<BotCounters> ReadAsync(HttpClient http, Uri web, CancellationToken cancellationToken)
    {
        var export = await http.GetStringAsync(new Uri(web, "/metrics"), cancellationToken).ConfigureAwait(false);
        return new(
            BotUnderTest.Metric(export, LagMetric + "_sum"),
            BotUnderTest.Metric(export, LagMetric + "_count"),
            BotUnderTest.Metric(export, "dotnet_gc_collections"),
            BotUnderTest.Metric(export, "dotnet_gc_pause_time"));
    }

    /// <summary>What happened between <paramref name="before"/> and this reading (a counter absent before counts from 0).</summary>
    public BotCounters Since(BotCounters before) => new(
        LagSeconds - (before.LagSeconds ?? 0),
        Instants - (before.Instants ?? 0),
        Collections - (before.Collections ?? 0),
        PauseSeconds - (before.PauseSeconds ?? 0));
}
