using System.Data.Common;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Storage.Tables;

// The cards posted about each action, so that edits, cancellations and RSVP counts can update them.
internal sealed class EventCardTable(DbDataSource dataSource)
{
    public Task AddAsync(EventCard card, CancellationToken cancellationToken) => dataSource.ExecuteAsync(
        """
        INSERT INTO event_cards (platform, channel_id, message_id, channel_name, event_id, posted_at_ms)
        VALUES (@platform, @channel_id, @message_id, @channel_name, @event_id, @posted_at_ms)
        ON CONFLICT (platform, channel_id, message_id) DO NOTHING
        """,
        [
            ("@platform", Words.Of(card.Channel.Platform)),
            ("@channel_id", card.Channel.Id),
            ("@message_id", card.MessageId),
            ("@channel_name", card.Channel.Name),
            ("@event_id", card.EventId),
            ("@posted_at_ms", Columns.Milliseconds(card.PostedAt)),
        ],
        cancellationToken);

    public Task<IReadOnlyList<EventCard>> ListAsync(long eventId, CancellationToken cancellationToken) => dataSource.QueryAsync(
        """
        SELECT platform, channel_id, message_id, channel_name, event_id, posted_at_ms
        FROM event_cards
        WHERE event_id = @event_id
        ORDER BY posted_at_ms, channel_id, message_id
        """,
        [("@event_id", eventId)],
        reader => new EventCard(
            reader.GetInt64(4),
            new Destination(Words.Platform(reader.GetString(0)), reader.GetString(1), reader.GetNullableString(3)),
            reader.GetString(2),
            reader.GetInstant(5)),
        cancellationToken);
}
