using System.Globalization;
using CampaignBot.Storage.Dialects;
using Npgsql;
using NpgsqlTypes;

namespace CampaignBot.Storage.Tables;

// Inserts many rows in the shape each engine is fastest at. PostgreSQL streams them with binary COPY when no
// conflict can arise (no suffix), else takes the columns as arrays in one INSERT … SELECT FROM unnest(…) with the
// suffix (ON CONFLICT …); SQLite runs one prepared row statement per row inside the transaction (binding thousands
// of named parameters in one statement is quadratic there).
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
        if (dialect is PostgresDialect && suffix.Length == 0 && session.Connection is NpgsqlConnection npgsql)
        {
            return CopyAsync(npgsql, table, names, columns, rows, cancellationToken);
        }

        if (dialect is PostgresDialect)
        {
            var arrays = columns.Select((column, i) => new SqlParameter(parameters[i], ToArray(column, rows, i))).ToArray();
            var unnest = string.Join(", ", columns.Select((column, i) => $"{parameters[i]}::{column.PostgresType}[]"));
            return session.ExecuteAsync($"INSERT INTO {table} ({names}) {dialect.OverridingIdentity} SELECT * FROM unnest({unnest}) {suffix}", arrays, cancellationToken);
        }

        return session.ExecuteEachAsync($"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", parameters)}) {suffix}", parameters, rows, cancellationToken);
    }

    // COPY writes identity columns as given, like INSERT … OVERRIDING SYSTEM VALUE.
    private static async Task CopyAsync(NpgsqlConnection connection, string table, string names, IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var types = columns.Select(column => column.PostgresType == "bigint" ? NpgsqlDbType.Bigint : NpgsqlDbType.Text).ToArray();
        var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < types.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        await writer.WriteAsync(value, types[i], cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Array ToArray(Column column, IReadOnlyList<object?[]> rows, int index) => column.PostgresType switch
    {
        "bigint" => rows.Select(row => (long?)row[index]).ToArray(),
        _ => rows.Select(row => (string?)row[index]).ToArray(),
    };
}
