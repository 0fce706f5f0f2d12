using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Scheduling.Delivery;

/// <summary>Announcements and cancellation notices to subscribed destinations, through the delivery log.</summary>
public sealed class LoggedBroadcaster(ICampaignStore store, Deliverer deliverer) : IBroadcaster
{
    public async Task<BroadcastReport> BroadcastAsync(Reply content, EventKind? kind, string messageKey, CancellationToken cancellationToken)
    {
        var subscriptions = await store.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        var destinations = subscriptions.Where(s => kind is null || s.Covers(kind.Value)).Select(s => s.Destination).ToArray();
        var prepared = await deliverer.PrepareAsync(messageKey, content, destinations, cancellationToken).ConfigureAwait(false);
        var results = await deliverer.SendAsync(prepared, cancellationToken).ConfigureAwait(false);
        var byId = destinations.ToDictionary(d => (d.Platform, d.Id));
        return new BroadcastReport(
            results.Where(r => r.Sent).Select(r => byId[(r.Key.Platform, r.Key.DestinationId)]).ToArray(),
            results.Where(r => !r.Sent).Select(r => (byId[(r.Key.Platform, r.Key.DestinationId)], r.Error ?? "failed")).ToArray());
    }
}
