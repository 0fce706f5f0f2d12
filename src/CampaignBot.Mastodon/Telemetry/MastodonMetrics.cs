using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using CampaignBot.Core.Telemetry;

namespace CampaignBot.Mastodon.Telemetry;

/// <summary>
/// Mastodon stream, boost and hashtag instruments. Static, like the BCL's own meters: they are process-wide anyway
/// (the exporter listens by meter name), and recording must not change the adapter's constructors.
/// </summary>
internal static class MastodonMetrics
{
    private static readonly Meter Meter = new(CampaignMeter.Name);
    // The mode of each live adapter (one in a bot; several when tests run hosts side by side), so one adapter's
    // mode never hides another's; an adapter's entry goes with it.
    private static readonly ConditionalWeakTable<object, string> Modes = [];

    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "campaignbot.mastodon.stream.reconnects", "{reconnect}", "Mastodon streams dropped and reopened.");

    private static readonly Counter<long> BoostDecisions = Meter.CreateCounter<long>(
        "campaignbot.mastodon.boost.decisions", "{decision}", "Auto-boost decisions, by reason: boost, or why it was skipped.");

    private static readonly Counter<long> Mentions = Meter.CreateCounter<long>(
        "campaignbot.hashtag.mentions", "{mention}", "New tracked-hashtag mentions counted (a post seen again is not counted twice).");

    static MastodonMetrics() =>
        Meter.CreateObservableGauge(
            "campaignbot.mastodon.stream.mode",
            CurrentModes,
            "{mode}",
            "How the bot listens to Mastodon now: websocket, sse, polling, or none (1 for the current mode).");

    public static void Listening(object adapter, StreamingMode mode) => Modes.AddOrUpdate(adapter, mode switch
    {
        StreamingMode.WebSocket => "websocket",
        StreamingMode.ServerSentEvents => "sse",
        StreamingMode.Polling => "polling",
        _ => "none",
    });

    private static IEnumerable<Measurement<int>> CurrentModes() =>
        Modes.GroupBy(entry => entry.Value, StringComparer.Ordinal)
            .Select(mode => new Measurement<int>(mode.Count(), new KeyValuePair<string, object?>("mode", mode.Key)));

    public static void Reconnecting() => Reconnects.Add(1);

    public static void Decided(string reason, int count = 1) => BoostDecisions.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public static void Counted(int mentions) => Mentions.Add(mentions);
}
