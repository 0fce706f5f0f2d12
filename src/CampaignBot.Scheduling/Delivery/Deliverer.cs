using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Telemetry;

namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// Sends one message to many destinations, exactly once each: the delivery log records the decision first, the
/// sends run concurrently with the log's stable idempotency keys, and every outcome is recorded as it comes back.
/// </summary>
public sealed class Deliverer(IDeliveryLog log, IEnumerable<IChatSender> senders)
{
    private readonly Dictionary<Platform, IChatSender> _senders = senders.ToDictionary(sender => sender.Platform);
    private bool _dry;

    /// <summary>
    /// A deliverer whose senders (one per platform) send nothing and whose log records nothing, and whose sends are not
    /// counted: for running the send path once before it matters, so the runtime has compiled it by then.
    /// </summary>
    public static Deliverer DryRun()
    {
        var dry = new DryRunPlatform(Platform.Shell);
        return new Deliverer(dry, Enum.GetValues<Platform>().Select(platform => new DryRunPlatform(platform))) { _dry = true };
    }

    /// <summary>Records the intent and returns the sends still to make (those never sent before).</summary>
    public async Task<PreparedDelivery> PrepareAsync(string messageKey, Reply content, IReadOnlyList<Destination> destinations, CancellationToken cancellationToken)
    {
        var byKey = destinations.DistinctBy(d => (d.Platform, d.Id)).ToDictionary(d => new DeliveryKey(messageKey, d.Platform, d.Id));
        var open = await log.BeginAsync(byKey.Keys.ToArray(), cancellationToken).ConfigureAwait(false);
        return new PreparedDelivery(content, open.Select(key => (key, byKey[key])).ToArray(), byKey.Count - open.Count);
    }

    /// <summary>Records the intent of many messages in one go (one transaction), in the order given.</summary>
    public async Task<IReadOnlyList<PreparedDelivery>> PrepareManyAsync(IReadOnlyList<(string MessageKey, Reply Content, IReadOnlyList<Destination> Destinations)> messages, CancellationToken cancellationToken)
    {
        var keyed = messages
            .Select(m => (m.Content, ByKey: m.Destinations.DistinctBy(d => (d.Platform, d.Id)).ToDictionary(d => new DeliveryKey(m.MessageKey, d.Platform, d.Id))))
            .ToArray();
        var open = (await log.BeginAsync(keyed.SelectMany(k => k.ByKey.Keys).ToArray(), cancellationToken).ConfigureAwait(false)).ToHashSet();
        return keyed.Select(k =>
        {
            var sends = k.ByKey.Where(pair => open.Contains(pair.Key)).Select(pair => (pair.Key, pair.Value)).ToArray();
            return new PreparedDelivery(k.Content, sends, k.ByKey.Count - sends.Length);
        }).ToArray();
    }

    /// <summary>Makes the prepared sends and records each result.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(PreparedDelivery delivery, CancellationToken cancellationToken)
    {
        var results = await SendUnrecordedAsync(delivery, cancellationToken).ConfigureAwait(false);
        await RecordAsync(results).ConfigureAwait(false);
        return results;
    }

    /// <summary>Makes the prepared sends, all started at once; the caller records the results (in a batch).</summary>
    public async Task<DeliveryResult[]> SendUnrecordedAsync(PreparedDelivery delivery, CancellationToken cancellationToken) =>
        await Task.WhenAll(delivery.Sends.Select(send => SendOneAsync(send.Key, send.Destination, delivery.Content, cancellationToken))).ConfigureAwait(false);

    /// <summary>Records outcomes even when the caller is shutting down: a send that happened must be on record.</summary>
    public Task RecordAsync(IReadOnlyList<DeliveryResult> results) =>
        results.Count == 0 ? Task.CompletedTask : log.RecordAsync(results, CancellationToken.None);

    private async Task<DeliveryResult> SendOneAsync(DeliveryKey key, Destination destination, Reply content, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(destination.Platform, out var sender))
        {
            return new DeliveryResult(key, Sent: false, Error: $"the {destination.Platform} adapter is not running");
        }

        try
        {
            var result = await sender.SendAsync(new OutboundMessage(destination, content, key.IdempotencyKey), cancellationToken).ConfigureAwait(false);
            if (!_dry)
            {
                SchedulingMetrics.Delivery(destination.Platform, result.IsSuccess);
            }

            return result.TryGet(out var sent, out var error)
                ? new DeliveryResult(key, Sent: true, sent.PlatformMessageId)
                : new DeliveryResult(key, Sent: false, Error: error.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A sender bug must not take the other destinations or the dispatcher down; the error is kept for status.
            SchedulingMetrics.Delivery(destination.Platform, sent: false);
            return new DeliveryResult(key, Sent: false, Error: $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    // A platform and a delivery log that do nothing, for the dry run.
    private sealed class DryRunPlatform(Platform platform) : IChatSender, IDeliveryLog
    {
        public Platform Platform => platform;

        public Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(Result<SentMessage>.Ok(new SentMessage("dry-run")));

        public Task<IReadOnlyList<DeliveryKey>> BeginAsync(IReadOnlyList<DeliveryKey> keys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeliveryKey>>([]);

        public Task RecordAsync(IReadOnlyList<DeliveryResult> results, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
