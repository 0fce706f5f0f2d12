using System.Diagnostics.Metrics;
using CampaignBot.Core.Telemetry;

namespace CampaignBot.Mastodon.Telemetry;

/// <summary>
/// Mastodon stream, boost and hashtag instruments. Static, like the BCL's own meters: they are process-wide anyway
/// (the exporter listens by meter name), and recording must not change the adapter's constructors.
/// </summary>
internal static class MastodonMetrics
{
    private static readonly Meter Meter = new(CampaignMeter.Name);
    private static volatile string _mode = "none";

    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "campaignbot.mastodon.stream.reconnects", "{reconnect}", "Mastodon streams dropped and reopened.");

    private static readonly Counter<long> BoostDecisions = Meter.CreateCounter<long>(
        "campaignbot.mastodon.boost.decisions", "{decision}", "Auto-boost decisions, by reason: boost, or why it was skipped.");

    private static readonly Counter<long> Mentions = Meter.CreateCounter<long>(
        "campaignbot.hashtag.mentions", "{mention}", "New tracked-hashtag mentions counted (a post seen again is not counted twice).");

    static MastodonMetrics() =>
        Meter.CreateObservableGauge(
            "campaignbot.mastodon.stream.mode",
            () => new Measurement<int>(1, new KeyValuePair<string, object?>("mode", _mode)),
            "{mode}",
            "How the bot listens to Mastodon now: websocket, sse, polling, or none (1 for the current mode).");

    public static void Listening(StreamingMode mode) => _mode = mode switch
    {
        StreamingMode.WebSocket => "websocket",
        StreamingMode.ServerSentEvents => "sse",
        StreamingMode.Polling => "polling",
        _ => "none",
    };

    public static void Reconnecting() => Reconnects.Add(1);

    public static void Decided(string reason, int count = 1) => BoostDecisions.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public static void Counted(int mentions) => Mentions.Add(mentions);
}
