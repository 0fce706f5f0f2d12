using System.Globalization;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Testing.Chaos;

/// <summary>The reminder table of a chaos drill, by event title number: each reminder's final state and error.</summary>
public static class ChaosRecords
{
    public sealed record Row(string State, string? Error);

    public static async Task<IReadOnlyDictionary<int, Row>> ReadAsync(ITestDatabase database, CancellationToken cancellationToken)
    {
        await using var handle = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await handle.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT e.title, r.state, r.last_error FROM reminders r JOIN events e ON e.id = r.event_id WHERE e.title LIKE 'Chaos %'";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<int, Row>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows[int.Parse(reader.GetString(0)[6..], CultureInfo.InvariantCulture)] = new Row(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return rows;
    }
}
