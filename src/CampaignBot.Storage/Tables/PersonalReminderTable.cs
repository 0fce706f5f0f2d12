using System.Data.Common;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tables;

internal sealed class PersonalReminderTable(DbDataSource dataSource)
{
    private const string Select = """
        SELECT id, event_id, platform, person_id, display_name, before_seconds, due_at_ms, created_at_ms
        FROM personal_reminders
        """;

    public async Task<PersonalReminder> AddAsync(SqlSession session, PersonalReminder draft, CancellationToken cancellationToken)
    {
        SqlParameter[] key =
        [
            ("@event_id", draft.EventId),
            ("@platform", Words.Of(draft.Person.Platform)),
            ("@person_id", draft.Person.Id),
            ("@before_seconds", Lists.Seconds(draft.Before)),
        ];

        // Asking twice keeps the first reminder; the follow-up read returns whichever row won.
        await session.ExecuteAsync(
            """
            INSERT INTO personal_reminders (event_id, platform, person_id, display_name, before_seconds, due_at_ms, created_at_ms)
            VALUES (@event_id, @platform, @person_id, @display_name, @before_seconds, @due_at_ms, @created_at_ms)
            ON CONFLICT (event_id, platform, person_id, before_seconds) DO NOTHING
            """,
            [
                .. key,
                ("@display_name", draft.Person.DisplayName),
                ("@due_at_ms", Columns.Milliseconds(draft.Due)),
                ("@created_at_ms", Columns.Milliseconds(draft.CreatedAt)),
            ],
            cancellationToken).ConfigureAwait(false);

        return await session.QuerySingleAsync(
            $"{Select} WHERE event_id = @event_id AND platform = @platform AND person_id = @person_id AND before_seconds = @before_seconds",
            key,
            Read,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<PersonalReminder?> GetAsync(long id, CancellationToken cancellationToken) =>
        dataSource.QueryFirstOrDefaultAsync($"{Select} WHERE id = @id", [("@id", id)], Read, cancellationToken);

    public Task<IReadOnlyList<PersonalReminder>> ListAsync(Person person, CancellationToken cancellationToken) => dataSource.QueryAsync(
        $"{Select} WHERE platform = @platform AND person_id = @person_id ORDER BY due_at_ms, id",
        [("@platform", Words.Of(person.Platform)), ("@person_id", person.Id)],
        Read,
        cancellationToken);

    private static PersonalReminder Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        new Person(Words.Platform(reader.GetString(2)), reader.GetString(3), reader.GetString(4)),
        TimeSpan.FromSeconds(reader.GetInt64(5)),
        reader.GetInstant(6),
        reader.GetInstant(7));
}
