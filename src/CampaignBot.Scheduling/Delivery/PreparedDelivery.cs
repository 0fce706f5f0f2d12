using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Scheduling.Delivery;

/// <summary>Sends recorded as intended but not yet made; <see cref="AlreadySent"/> counts destinations done before.</summary>
public sealed record PreparedDelivery(Reply Content, IReadOnlyList<(DeliveryKey Key, Destination Destination)> Sends, int AlreadySent);
