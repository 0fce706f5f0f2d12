using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;

namespace CampaignBot.Core.Ports;

/// <summary>Delivers one message to every subscribed destination (optionally only those covering a kind).</summary>
public interface IBroadcaster
{
    /// <param name="content">What to post.</param>
    /// <param name="kind">Only destinations subscribed to this kind; null for all (announcements).</param>
    /// <param name="messageKey">Stable key of the message; combined with each destination for idempotency.</param>
    /// <param name="cancellationToken">Stops the fan-out.</param>
    Task<BroadcastReport> BroadcastAsync(Reply content, EventKind? kind, string messageKey, CancellationToken cancellationToken);
}
