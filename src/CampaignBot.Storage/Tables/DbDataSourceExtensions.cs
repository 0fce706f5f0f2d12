using System.Data.Common;

namespace CampaignBot.Storage.Tables;

// Just enough of a micro-ORM: one pooled connection per call, named parameters, rows mapped by a delegate.
internal static class DbDataSourceExtensions
{
    public static async Task<int> ExecuteAsync(this DbDataSource dataSource, string sql, IEnumerable<SqlParameter> parameters, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        this DbDataSource dataSource, string sql, IEnumerable<SqlParameter> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = CreateCommand(connection, sql, parameters);
            return await ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<T?> QueryFirstOrDefaultAsync<T>(
        this DbDataSource dataSource, string sql, IEnumerable<SqlParameter> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class =>
        (await dataSource.QueryAsync(sql, parameters, map, cancellationToken).ConfigureAwait(false)) is [var first, ..] ? first : null;

    public static async Task<T> QuerySingleAsync<T>(
        this DbDataSource dataSource, string sql, IEnumerable<SqlParameter> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync(sql, parameters, map, cancellationToken).ConfigureAwait(false)).Single();

    /// <summary>Runs <paramref name="command"/> and maps every row it returns.</summary>
    internal static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }

    internal static DbCommand CreateCommand(DbConnection connection, string sql, IEnumerable<SqlParameter> parameters, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
