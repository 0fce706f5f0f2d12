using System.Data.Common;
using System.Globalization;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tables;

internal sealed class RsvpTable(DbDataSource dataSource)
{
    // Well under the bind-parameter limits of both engines.
    private const int CountBatch = 500;

    public Task SetAsync(Rsvp rsvp, CancellationToken cancellationToken) => dataSource.ExecuteAsync(
        """
        INSERT INTO rsvps (event_id, platform, person_id, display_name, answer, answered_at_ms)
        VALUES (@event_id, @platform, @person_id, @display_name, @answer, @answered_at_ms)
        ON CONFLICT (event_id, platform, person_id) DO UPDATE
        SET display_name = excluded.display_name, answer = excluded.answer, answered_at_ms = excluded.answered_at_ms
        """,
        [
            ("@event_id", rsvp.EventId),
            ("@platform", Words.Of(rsvp.Person.Platform)),
            ("@person_id", rsvp.Person.Id),
            ("@display_name", rsvp.Person.DisplayName),
            ("@answer", Words.Of(rsvp.Answer)),
            ("@answered_at_ms", Columns.Milliseconds(rsvp.AnsweredAt)),
        ],
        cancellationToken);

    public Task<Rsvp?> GetAsync(long eventId, Person person, CancellationToken cancellationToken) => dataSource.QueryFirstOrDefaultAsync(
        """
        SELECT event_id, platform, person_id, display_name, answer, answered_at_ms
        FROM rsvps
        WHERE event_id = @event_id AND platform = @platform AND person_id = @person_id
        """,
        [("@event_id", eventId), ("@platform", Words.Of(person.Platform)), ("@person_id", person.Id)],
        Read,
        cancellationToken);

    public async Task<IReadOnlyDictionary<long, RsvpCounts>> CountAsync(IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken)
    {
        var counts = eventIds.Distinct().ToDictionary(id => id, _ => RsvpCounts.Empty);
        foreach (var batch in counts.Keys.Chunk(CountBatch))
        {
            var names = batch.Select((_, index) => string.Create(CultureInfo.InvariantCulture, $"@e{index}")).ToArray();
            var rows = await dataSource.QueryAsync(
                $"SELECT event_id, answer, count(*) FROM rsvps WHERE event_id IN ({string.Join(", ", names)}) GROUP BY event_id, answer",
                names.Zip(batch, (name, id) => new SqlParameter(name, id)),
                reader => (EventId: reader.GetInt64(0), Answer: Words.Answer(reader.GetString(1)), Count: reader.GetCount(2)),
                cancellationToken).ConfigureAwait(false);

            foreach (var (eventId, answer, count) in rows)
            {
                var current = counts[eventId];
                counts[eventId] = answer switch
                {
                    RsvpAnswer.Going => current with { Going = count },
                    RsvpAnswer.Maybe => current with { Maybe = count },
                    _ => current with { NotGoing = count },
                };
            }
        }

        return counts;
    }

    private static Rsvp Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        new Person(Words.Platform(reader.GetString(1)), reader.GetString(2), reader.GetString(3)),
        Words.Answer(reader.GetString(4)),
        reader.GetInstant(5));
}
