using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Scheduling;

/// <summary>One message to one destination: the unit the delivery log makes idempotent.</summary>
public sealed record DeliveryKey(string MessageKey, Platform Platform, string DestinationId)
{
    /// <summary>Stable across retries, restarts and nodes: what platforms get as nonce / Idempotency-Key.</summary>
    public string IdempotencyKey => $"{MessageKey}:{PlatformNames.Of(Platform)}:{DestinationId}";
}
