namespace CampaignBot.Core.Scheduling;

/// <summary>
/// Remembers every send decision before it is acted on. <see cref="BeginAsync"/> returns the keys that still need
/// sending (never sent before); a crash between begin and record leaves them "sending", and the retry reuses the same
/// idempotency key, which the platform deduplicates.
/// </summary>
public interface IDeliveryLog
{
    Task<IReadOnlyList<DeliveryKey>> BeginAsync(IReadOnlyList<DeliveryKey> keys, CancellationToken cancellationToken);

    Task RecordAsync(IReadOnlyList<DeliveryResult> results, CancellationToken cancellationToken);
}
