namespace CampaignBot.Core.Scheduling;

/// <summary>How one send went: sent (with the platform's id for it) or failed with a reason.</summary>
public sealed record DeliveryResult(DeliveryKey Key, bool Sent, string? PlatformMessageId = null, string? Error = null);
