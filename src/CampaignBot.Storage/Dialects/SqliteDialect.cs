using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Dialects;

internal sealed class SqliteDialect : StorageDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override string? CheckConnectionString(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (IsMalformed(exception))
        {
            return $"is not a valid SQLite connection string: {exception.Message}";
        }

        // Every pooled connection would get its own empty database.
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            ? "must name a SQLite database file, e.g. Data Source=data/campaignbot.db (an in-memory database does not outlive its connection)."
            : null;
    }

    // The write transaction holds SQLite's only write lock, so ids past the highest ever handed out are free.
    public override string AllocateEventIdsSql => """
        WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < @n)
        SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), COALESCE((SELECT max(id) FROM events), 0)) + i FROM seq
        """;

    public override (string Sql, Tables.SqlParameter Parameter) In(string column, string name, IReadOnlyCollection<string> values) =>
        ($"{column} IN (SELECT value FROM json_each({name}))", (name, Tables.SqliteJson.Strings(values)));

    public override DbProviderFactory Factory => SqliteFactory.Instance;

    public override DbDataSource CreateDataSource(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // PostgreSQL always enforces foreign keys; SQLite only when asked, per connection.
        builder.ForeignKeys ??= true;
        return new SqliteFileDataSource(builder.ToString());
    }

    public override string DatabaseName(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public override async Task<UpgradeEngineBuilder> CreateUpgraderAsync(DbDataSource dataSource, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(DatabaseName(dataSource.ConnectionString));
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Readers keep working while the scheduler writes. The mode is kept in the file, so once suffices;
            // waiting on a locked database is Microsoft.Data.Sqlite's job (it retries until the command timeout).
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return DeployChanges.To.SqliteDatabase(dataSource.ConnectionString);
    }
}
