using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Commands.Services;

/// <summary>
/// Posts a message to each subscribed destination through its platform's sender, right away.
/// A destination whose platform has no sender (adapter not configured) is reported as failed, not skipped silently.
/// </summary>
public sealed class DirectBroadcaster(ICampaignStore store, IEnumerable<IChatSender> senders, ILogger<DirectBroadcaster> logger) : IBroadcaster
{
    private readonly Dictionary<Platform, IChatSender> _senders = senders.ToDictionary(sender => sender.Platform);

    public async Task<BroadcastReport> BroadcastAsync(Reply content, EventKind? kind, string messageKey, CancellationToken cancellationToken)
    {
        var subscriptions = await store.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        var delivered = new List<Destination>();
        var failed = new List<(Destination, string)>();
        foreach (var subscription in subscriptions.Where(s => kind is null || s.Covers(kind.Value)))
        {
            var destination = subscription.Destination;
            var reason = await SendAsync(new OutboundMessage(destination, content, $"{messageKey}:{destination.Platform}:{destination.Id}"), cancellationToken).ConfigureAwait(false);
            if (reason is null)
            {
                delivered.Add(destination);
            }
            else
            {
                Log.BroadcastFailed(logger, destination.ToString(), reason);
                failed.Add((destination, reason));
            }
        }

        return new BroadcastReport(delivered, failed);
    }

    private async Task<string?> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(message.Destination.Platform, out var sender))
        {
            return $"the {message.Destination.Platform} adapter is not running";
        }

        var result = await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? null : result.Error.Message;
    }
}
