using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Telemetry;

namespace CampaignBot.Scheduling.Telemetry;

/// <summary>
/// Reminder and delivery instruments. Static, like the BCL's own meters: the instruments are process-wide anyway
/// (the exporter listens by meter name), and recording them must not change every constructor on the send path.
/// </summary>
internal static class SchedulingMetrics
{
    private static readonly Meter Meter = new(CampaignMeter.Name);

    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>(
        "campaignbot.reminders", "{reminder}", "Reminders handled, by outcome: sent, late, missed or failed.");

    private static readonly Histogram<double> FireLag = Meter.CreateHistogram(
        "campaignbot.reminder.fire_lag", "s", "Time from a reminder's due instant to its send starting.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "campaignbot.deliveries", "{delivery}", "Messages sent to one destination, by platform and outcome.");

    /// <summary>Creates the meter and instruments now rather than at the first send, which would wait for it.</summary>
    public static void Prepare() => RuntimeHelpers.RunClassConstructor(typeof(SchedulingMetrics).TypeHandle);

    public static void Reminder(string outcome) => Reminders.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void Lag(TimeSpan lag) => FireLag.Record(Math.Max(0, lag.TotalSeconds));

    public static void Delivery(Platform platform, bool sent)
    {
        var tags = new TagList { { "platform", PlatformNames.Of(platform) }, { "outcome", sent ? "sent" : "failed" } };
        Deliveries.Add(1, tags);
    }
}
