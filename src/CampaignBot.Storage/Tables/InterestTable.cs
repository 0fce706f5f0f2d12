using System.Data.Common;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tables;

// RSVPs that pressing Interested made, so that un-pressing it withdraws only those.
internal sealed class InterestTable(DbDataSource dataSource)
{
    public Task AddAsync(long eventId, Person person, DateTimeOffset answeredAt, CancellationToken cancellationToken) => dataSource.ExecuteAsync(
        """
        INSERT INTO event_interest (event_id, platform, person_id, answered_at_ms)
        VALUES (@event_id, @platform, @person_id, @answered_at_ms)
        ON CONFLICT (event_id, platform, person_id) DO UPDATE SET answered_at_ms = excluded.answered_at_ms
        """,
        [("@event_id", eventId), ("@platform", Words.Of(person.Platform)), ("@person_id", person.Id), ("@answered_at_ms", Columns.Milliseconds(answeredAt))],
        cancellationToken);

    // Withdraws the RSVP only if it is still the one Interested made (same instant), in one statement each.
    public async Task<bool> WithdrawAsync(long eventId, Person person, CancellationToken cancellationToken)
    {
        SqlParameter[] key = [("@event_id", eventId), ("@platform", Words.Of(person.Platform)), ("@person_id", person.Id)];
        var removed = await dataSource.ExecuteAsync(
            """
            DELETE FROM rsvps
            WHERE event_id = @event_id AND platform = @platform AND person_id = @person_id
              AND answered_at_ms = (SELECT answered_at_ms FROM event_interest
                                    WHERE event_id = @event_id AND platform = @platform AND person_id = @person_id)
            """,
            key, cancellationToken).ConfigureAwait(false);
        await dataSource.ExecuteAsync(
            "DELETE FROM event_interest WHERE event_id = @event_id AND platform = @platform AND person_id = @person_id",
            key, cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    public Task<IReadOnlyList<string>> ListAsync(long eventId, Platform platform, CancellationToken cancellationToken) => dataSource.QueryAsync(
        "SELECT person_id FROM event_interest WHERE event_id = @event_id AND platform = @platform ORDER BY person_id",
        [("@event_id", eventId), ("@platform", Words.Of(platform))],
        reader => reader.GetString(0),
        cancellationToken);
}
