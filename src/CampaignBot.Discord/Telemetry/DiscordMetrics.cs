using System.Diagnostics.Metrics;
using CampaignBot.Core.Telemetry;

namespace CampaignBot.Discord.Telemetry;

/// <summary>
/// Discord REST, gateway and interaction instruments. Static, like the BCL's own meters: they are process-wide
/// anyway (the exporter listens by meter name), and recording must not change the clients' constructors.
/// </summary>
internal static class DiscordMetrics
{
    private static readonly Meter Meter = new(CampaignMeter.Name);

    private static readonly Counter<long> RestRequests = Meter.CreateCounter<long>(
        "campaignbot.discord.rest.requests", "{request}", "Discord REST responses, by HTTP status code.");

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "campaignbot.discord.rest.rate_limited", "{response}", "Discord REST responses that were 429 Too Many Requests.");

    private static readonly Counter<long> Resumes = Meter.CreateCounter<long>(
        "campaignbot.discord.gateway.resumes", "{resume}", "Gateway sessions resumed after a disconnect.");

    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "campaignbot.discord.gateway.reconnects", "{reconnect}", "Gateway disconnects followed by a reconnect.");

    private static readonly Histogram<double> InteractionLatency = Meter.CreateHistogram(
        "campaignbot.discord.interaction.duration", "s", "Time from receiving an interaction to Discord accepting its first response.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5] });

    public static void Response(int status)
    {
        RestRequests.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));
        if (status == 429)
        {
            RateLimited.Add(1);
        }
    }

    public static void Resumed() => Resumes.Add(1);

    public static void Reconnecting() => Reconnects.Add(1);

    public static void Answered(TimeSpan elapsed, string step) =>
        InteractionLatency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("step", step));
}
