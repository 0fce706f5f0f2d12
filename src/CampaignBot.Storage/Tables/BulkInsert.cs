using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignBot.Storage.Dialects;
using Npgsql;

namespace CampaignBot.Storage.Tables;

// Inserts many rows in the shape each engine is fastest at, returning how many were inserted. PostgreSQL streams them
// with binary COPY when no conflict can arise (no suffix), else takes the columns as arrays in one
// INSERT … SELECT FROM unnest(…) with the suffix (ON CONFLICT …). SQLite takes the rows as JSON arrays of arrays, up to
// about 32 KB each, in INSERT … SELECT FROM json_each(…): one parameter bound per statement, where a statement per row
// binds every value by name, and thousands of named parameters in one statement bind in quadratic time.
// A fixed column has one value for every row of the call: the rows leave it out, and SQLite binds it once per
// statement rather than reading it from each row's JSON; PostgreSQL's COPY sends it in every row unless it is the
// column's default.
internal static class BulkInsert
{
    private const int MaxJsonBytes = 32 * 1024;

    public sealed record Column(string Name, string PostgresType)
    {
        public bool IsFixed { get; private init; }

        public object? Value { get; private init; }

        // PostgreSQL's COPY leaves such a column out, so the server fills it in from its default.
        public bool IsPostgresDefault { get; private init; }

        public static Column Fixed(string name, string postgresType, object? value) => new(name, postgresType) { IsFixed = true, Value = value };

        // A fixed column whose value is also the column's default in the PostgreSQL schema (it must be: nothing checks).
        public static Column Default(string name, string postgresType, object? value) => Fixed(name, postgresType, value) with { IsPostgresDefault = true };
    }

    public static Task<int> RunAsync(SqlSession session, StorageDialect dialect, string table, IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows, string suffix, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.FromResult(0);
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        if (dialect is PostgresDialect && suffix.Length == 0 && CopyAsync(session, table, columns, rows, cancellationToken) is { } copied)
        {
            return copied;
        }

        var sources = Sources(columns);
        if (dialect is PostgresDialect)
        {
            var parameters = columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@c{i}")).ToArray();
            var arrays = columns.Select((column, i) => new SqlParameter(parameters[i], ToArray(column, rows, sources[i]))).ToArray();
            var unnest = string.Join(", ", columns.Select((column, i) => $"{parameters[i]}::{column.PostgresType}[]"));
            return session.ExecuteAsync($"INSERT INTO {table} ({names}) {dialect.OverridingIdentity} SELECT * FROM unnest({unnest}) {suffix}", arrays, cancellationToken);
        }

        return SqliteAsync(session, table, names, columns, sources, rows, suffix, cancellationToken);
    }

    // Where each column's value is in a row: its index among the columns that aren't fixed, or -1 for a fixed one.
    private static int[] Sources(IReadOnlyList<Column> columns)
    {
        var sources = new int[columns.Count];
        var next = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            sources[i] = columns[i].IsFixed ? -1 : next++;
        }

        return sources;
    }

    // A column whose value is the same in every row of the call (a fixed one, or one that happens to be: a series'
    // kind, zone and organiser) is bound once per statement; the rows' JSON carries only the values that vary, since
    // SQLite's share of a bulk insert is mostly reading them back out of it. The rows go in statements of up to
    // ~32 KB of JSON each, so no batch's text lands on the large object heap.
    private static async Task<int> SqliteAsync(SqlSession session, string table, string names, IReadOnlyList<Column> columns, int[] sources, IReadOnlyList<object?[]> rows, string suffix, CancellationToken cancellationToken)
    {
        var selected = new string[columns.Count];
        var bound = new List<SqlParameter>();
        var varying = new List<int>();
        for (var i = 0; i < columns.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@f{i}");
            if (sources[i] < 0 || IsUniform(rows, sources[i]))
            {
                selected[i] = name;
                bound.Add(new SqlParameter(name, sources[i] < 0 ? columns[i].Value : rows[0][sources[i]]));
            }
            else
            {
                selected[i] = string.Create(CultureInfo.InvariantCulture, $"value ->> {varying.Count}");
                varying.Add(sources[i]);
            }
        }

        // "WHERE true" keeps SQLite from reading the upsert's ON as a join constraint.
        var sql = $"INSERT INTO {table} ({names}) SELECT {string.Join(", ", selected)} FROM json_each(@rows) WHERE true {suffix}";
        var buffer = new ArrayBufferWriter<byte>(Math.Min(rows.Count * 256, MaxJsonBytes + 4096));
        var affected = 0;
        for (var start = 0; start < rows.Count;)
        {
            buffer.ResetWrittenCount();
            start = WriteJson(buffer, rows, varying, start);
            affected += await session.ExecuteAsync(sql, [.. bound, ("@rows", Encoding.UTF8.GetString(buffer.WrittenSpan))], cancellationToken).ConfigureAwait(false);
        }

        return affected;
    }

    private static bool IsUniform(IReadOnlyList<object?[]> rows, int source)
    {
        var first = rows[0][source];
        for (var i = 1; i < rows.Count; i++)
        {
            if (!Equals(rows[i][source], first))
            {
                return false;
            }
        }

        return true;
    }

    // [[v0, v1, …], …] from rows[start] on, each row's values at the given indexes, until about MaxJsonBytes are
    // written: text, integers and nulls, as the tables' columns hold. Returns the index of the first row not written.
    private static int WriteJson(ArrayBufferWriter<byte> buffer, IReadOnlyList<object?[]> rows, List<int> varying, int start)
    {
        var next = start;
        using (var writer = new Utf8JsonWriter(buffer, SqliteJson.Options))
        {
            writer.WriteStartArray();
            while (next < rows.Count && writer.BytesCommitted + writer.BytesPending < MaxJsonBytes)
            {
                var row = rows[next++];
                writer.WriteStartArray();
                foreach (var source in varying)
                {
                    var value = row[source];
                    switch (value)
                    {
                        case null or DBNull:
                            writer.WriteNullValue();
                            break;
                        case string text:
                            writer.WriteStringValue(text);
                            break;
                        case long number:
                            writer.WriteNumberValue(number);
                            break;
                        case int number:
                            writer.WriteNumberValue(number);
                            break;
                        case bool flag:
                            writer.WriteNumberValue(flag ? 1 : 0);
                            break;
                        default:
                            throw new ArgumentException($"A bulk insert takes text, integers and nulls, not {value.GetType().Name}.", nameof(rows));
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return next;
    }

    // Out of line, as is every other mention of Npgsql's types here: compiling a method that names one loads Npgsql,
    // which a bot on SQLite never needs. Null when the session's connection is not Npgsql's.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Task<int>? CopyAsync(SqlSession session, string table, IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) =>
        session.Connection is NpgsqlConnection npgsql ? CopyAsync(npgsql, table, columns, rows, cancellationToken) : null;

    // COPY writes identity columns as given, like INSERT … OVERRIDING SYSTEM VALUE, and leaves out the columns whose
    // value their default supplies.
    private static Task<int> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<Column> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var sources = Sources(columns);
        var sent = Enumerable.Range(0, columns.Count).Where(i => !columns[i].IsPostgresDefault).ToArray();
        return PostgresBinaryCopy.RunAsync(connection, table, [.. sent.Select(i => columns[i])], [.. sent.Select(i => sources[i])], rows, cancellationToken);
    }

    private static Array ToArray(Column column, IReadOnlyList<object?[]> rows, int source) => column.PostgresType switch
    {
        "bigint" => rows.Select(row => (long?)(source < 0 ? column.Value : row[source])).ToArray(),
        _ => rows.Select(row => (string?)(source < 0 ? column.Value : row[source])).ToArray(),
    };
}
