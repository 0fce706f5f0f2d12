using System.Data.Common;

namespace CampaignBot.Storage.Tables;

// One connection and transaction for statements that must land together (an event and its reminder rows).
internal sealed class SqlSession(DbConnection connection, DbTransaction transaction)
{
    // SQLite lets one writer in at a time and makes the others wait by blocking their threads; on a small machine that
    // starves the thread pool and delays every timer (reminder sends among them). So in this process, SQLite
    // transactions queue for an async gate instead, and never meet a locked database from each other.
    private static readonly AsyncLocal<bool> InsideGate = new();

    public DbConnection Connection => connection;

    public static async Task<T> RunAsync<T>(DbDataSource dataSource, Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        if (dataSource is not Dialects.SqliteFileDataSource sqlite || InsideGate.Value)
        {
            return await RunUngatedAsync(dataSource, work, cancellationToken).ConfigureAwait(false);
        }

        await sqlite.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            InsideGate.Value = true;
            return await RunUngatedAsync(dataSource, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            InsideGate.Value = false;
            sqlite.WriteGate.Release();
        }
    }

    private static async Task<T> RunUngatedAsync<T>(DbDataSource dataSource, Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(new SqlSession(connection, transaction)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    public async Task<int> ExecuteAsync(string sql, IEnumerable<SqlParameter> parameters, CancellationToken cancellationToken)
    {
        using var command = DbDataSourceExtensions.CreateCommand(connection, sql, parameters, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // One prepared statement run once per row (for row-by-row updates; many new rows go through BulkInsert).
    // Returns the rows affected in all.
    public async Task<int> ExecuteEachAsync(string sql, IReadOnlyList<string> names, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var affected = 0;
        using var command = DbDataSourceExtensions.CreateCommand(connection, sql, names.Select(name => new SqlParameter(name, null)), transaction);
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            for (var i = 0; i < names.Count; i++)
            {
                command.Parameters[i].Value = row[i] ?? DBNull.Value;
            }

            affected += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return affected;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, IEnumerable<SqlParameter> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        using var command = DbDataSourceExtensions.CreateCommand(connection, sql, parameters, transaction);
        return await DbDataSourceExtensions.ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> QuerySingleAsync<T>(string sql, IEnumerable<SqlParameter> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        (await QueryAsync(sql, parameters, map, cancellationToken).ConfigureAwait(false)).Single();
}
