using System.Globalization;
using CampaignBot.Storage.Dialects;

namespace CampaignBot.Storage.Tables;

// Inserts many rows in the shape each engine is fastest at: PostgreSQL takes the columns as arrays in a single
// INSERT … SELECT FROM unnest(…); SQLite runs one prepared row statement per row inside the transaction (binding
// thousands of named parameters in one statement is quadratic there).
internal static class BulkInsert
{
    public sealed record Column(string Name, string PostgresType);

    public static Task RunAsync(SqlSession session, StorageDialect dialect, string table, IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows, string suffix, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        var parameters = columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@c{i}")).ToArray();
        if (dialect is PostgresDialect)
        {
            var arrays = columns.Select((column, i) => new SqlParameter(parameters[i], ToArray(column, rows, i))).ToArray();
            var unnest = string.Join(", ", columns.Select((column, i) => $"{parameters[i]}::{column.PostgresType}[]"));
            return session.ExecuteAsync($"INSERT INTO {table} ({names}) {dialect.OverridingIdentity} SELECT * FROM unnest({unnest}) {suffix}", arrays, cancellationToken);
        }

        return session.ExecuteEachAsync($"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", parameters)}) {suffix}", parameters, rows, cancellationToken);
    }

    private static Array ToArray(Column column, IReadOnlyList<object?[]> rows, int index) => column.PostgresType switch
    {
        "bigint" => rows.Select(row => (long?)row[index]).ToArray(),
        _ => rows.Select(row => (string?)row[index]).ToArray(),
    };
}
