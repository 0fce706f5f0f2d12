using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Commands.Services;

/// <summary>
/// Posts an action's card to the subscribed channels of platforms that can edit messages (Discord), remembers each,
/// and rewrites them all with the current details and counts.
/// </summary>
public sealed class EventCards(
    ICampaignStore store,
    IEnumerable<IChatSender> senders,
    IEnumerable<IMessageEditor> editors,
    TimeProvider clock,
    ILogger<EventCards> logger)
{
    private readonly Dictionary<Platform, IChatSender> _senders = senders.ToDictionary(sender => sender.Platform);
    private readonly Dictionary<Platform, IMessageEditor> _editors = editors.ToDictionary(editor => editor.Platform);

    /// <summary>Posts the card for a new action; returns how many channels got it.</summary>
    public async Task<int> PostAsync(CampaignEvent e, CancellationToken cancellationToken)
    {
        if (_editors.Count == 0)
        {
            return 0;
        }

        var card = await CardAsync(e, cancellationToken).ConfigureAwait(false);
        var posted = 0;
        var subscriptions = await store.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var destination in subscriptions.Where(s => s.Covers(e.Kind)).Select(s => s.Destination))
        {
            if (!_editors.ContainsKey(destination.Platform) || !_senders.TryGetValue(destination.Platform, out var sender))
            {
                continue;
            }

            // Keyed by the action, which the creating request made: a redelivered request finds it already posted.
            var key = $"event:{e.Id}:card:{destination.Platform}:{destination.Id}";
            var sent = await sender.SendAsync(new OutboundMessage(destination, card, key), cancellationToken).ConfigureAwait(false);
            if (!sent.TryGet(out var message, out var error))
            {
                Log.CardFailed(logger, e.Id, destination.ToString(), error.Message);
                continue;
            }

            if (message.PlatformMessageId is { } messageId)
            {
                await store.AddEventCardAsync(new EventCard(e.Id, destination, messageId, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                posted++;
            }
        }

        return posted;
    }

    /// <summary>Rewrites every card of the action with its details and counts as they are now; returns how many edits were sent.</summary>
    public async Task<int> RefreshAsync(long eventId, CancellationToken cancellationToken)
    {
        var cards = await store.ListEventCardsAsync(eventId, cancellationToken).ConfigureAwait(false);
        if (cards.Count == 0 || await store.GetEventAsync(eventId, cancellationToken).ConfigureAwait(false) is not { } e)
        {
            return 0;
        }

        var sent = 0;
        var content = await CardAsync(e, cancellationToken).ConfigureAwait(false);
        foreach (var card in cards)
        {
            if (!_editors.TryGetValue(card.Channel.Platform, out var editor))
            {
                continue;
            }

            var edited = await editor.EditAsync(card.Channel, card.MessageId, content, cancellationToken).ConfigureAwait(false);
            sent++;
            if (!edited.IsSuccess)
            {
                Log.CardFailed(logger, eventId, card.Channel.ToString(), edited.Error.Message);
            }
        }

        return sent;
    }

    private async Task<Reply> CardAsync(CampaignEvent e, CancellationToken cancellationToken)
    {
        var counts = await store.GetRsvpCountsAsync([e.Id], cancellationToken).ConfigureAwait(false);
        return EventText.Card(e, counts.GetValueOrDefault(e.Id, RsvpCounts.Empty), clock.GetUtcNow());
    }
}
