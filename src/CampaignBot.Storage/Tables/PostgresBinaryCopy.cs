using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace CampaignBot.Storage.Tables;

// Rows streamed to PostgreSQL in its binary COPY format, encoded here into a pooled buffer and handed to Npgsql's raw
// copy stream a buffer at a time. Npgsql's own importer binds a parameter, resolves its converter and runs two async
// methods for every value; for 100,000 reminder rows that was most of the client's share of the call. The tables'
// columns are bigint and text only (BulkInsert.Column), so the format needed is small: a header, then per row its
// field count and each field as a length (-1 for null) and its bytes, big-endian; then a trailer.
internal static class PostgresBinaryCopy
{
    // 64 KB: a few thousand rows per write, and under the large object heap's threshold.
    private const int BufferBytes = 64 * 1024;

    // "PGCOPY\n\xff\r\n\0", then no flags and no header extension.
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    // Sends the columns' values, each from its place in the row (sources[i]) or, where that is -1, the column's fixed
    // value. Returns the rows sent.
    public static async Task<int> RunAsync(NpgsqlConnection connection, string table, IReadOnlyList<BulkInsert.Column> columns, IReadOnlyList<int> sources, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(column => column.Name));
        var stream = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(stream, columns, sources, rows, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Disposing would end the COPY and have the server take the rows written so far: cancelling fails it.
            await CancelAsync(stream).ConfigureAwait(false);

            // Npgsql reports a write cut short by the caller's token as a failed write (and breaks the connection).
            if (exception is not OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The bulk insert was cancelled while its rows were being sent.", exception, cancellationToken);
            }

            throw;
        }

        // Ends the COPY; the server's verdict on the rows (a violated constraint) comes back from here.
        await stream.DisposeAsync().ConfigureAwait(false);
        return rows.Count;
    }

    private static async Task WriteAsync(NpgsqlRawCopyStream stream, IReadOnlyList<BulkInsert.Column> columns, IReadOnlyList<int> sources, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        // Binary fields carry no type: the server reads each as its column's type, so a value of the other kind would be
        // misread (an integer's bytes taken for text), not refused.
        var text = columns.Select(column => column.PostgresType == "text").ToArray();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var length = Header.Length;
            Header.CopyTo(buffer);
            foreach (var row in rows)
            {
                if (buffer.Length - length < 2)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                    length = 0;
                }

                BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), (short)columns.Count);
                length += 2;
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = sources[i] < 0 ? columns[i].Value : row[sources[i]];
                    if (buffer.Length - length < Room(value))
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                        length = 0;
                        if (text[i] && value is string { } large && Room(large) > buffer.Length)
                        {
                            await WriteLargeAsync(stream, large, cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                    }

                    length += Write(buffer.AsSpan(length), value, text[i]);
                }
            }

            if (buffer.Length - length < 2)
            {
                await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                length = 0;
            }

            // The trailer: a field count of -1.
            BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), -1);
            await stream.WriteAsync(buffer.AsMemory(0, length + 2), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Should the connection itself have failed, cancelling fails too (the connection is broken, so the transaction is
    // gone with it), and the first failure is the one worth reporting.
    private static async Task CancelAsync(NpgsqlRawCopyStream stream)
    {
        try
        {
            await stream.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Reported by the caller's rethrow of what went wrong first.
        }
    }

    // At most what a field takes, its length included.
    private static int Room(object? value) => value is string text ? 4 + Encoding.UTF8.GetMaxByteCount(text.Length) : 12;

    private static int Write(Span<byte> destination, object? value, bool text)
    {
        switch (value)
        {
            case null or DBNull:
                BinaryPrimitives.WriteInt32BigEndian(destination, -1);
                return 4;
            case long number when !text:
                return WriteBigint(destination, number);
            case int number when !text:
                return WriteBigint(destination, number);
            case string words when text:
                var bytes = Encoding.UTF8.GetBytes(words, destination[4..]);
                BinaryPrimitives.WriteInt32BigEndian(destination, bytes);
                return 4 + bytes;
            default:
                throw new ArgumentException($"A bulk insert takes text for text columns, integers for bigint ones and nulls, not {value.GetType().Name} for a {(text ? "text" : "bigint")} column.", nameof(value));
        }
    }

    private static int WriteBigint(Span<byte> destination, long number)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(destination[4..], number);
        return 4 + sizeof(long);
    }

    // A text longer than the buffer (a long description) goes in a buffer of its own.
    private static async Task WriteLargeAsync(Stream stream, string text, CancellationToken cancellationToken)
    {
        var field = ArrayPool<byte>.Shared.Rent(Room(text));
        try
        {
            var length = Write(field, text, text: true);
            await stream.WriteAsync(field.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(field);
        }
    }
}
