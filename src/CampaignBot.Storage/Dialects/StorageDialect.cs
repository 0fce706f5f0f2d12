using System.Data.Common;
using DbUp.Builder;

namespace CampaignBot.Storage.Dialects;

// What differs between the engines besides the migration scripts. The store's SQL is shared:
// both engines speak INSERT .. ON CONFLICT, RETURNING, LIMIT and LIKE .. ESCAPE alike.
internal abstract class StorageDialect
{
    public static StorageDialect For(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => SqliteDialect.Instance,
        StorageProvider.Postgres => PostgresDialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };

    // Null when usable; otherwise the end of a sentence that starts with the setting's key.
    public abstract string? CheckConnectionString(string connectionString);

    public abstract DbDataSource CreateDataSource(string connectionString);

    // The driver's factory, for libraries (Quartz) that open their own connections.
    public abstract DbProviderFactory Factory { get; }

    // Which engine a data source talks to (the store is handed only the data source). SQLite's own source is asked
    // about first, so a bot on SQLite never loads Npgsql (1.5 MB resident, and its types) just to say it isn't one.
    public static StorageDialect Of(DbDataSource dataSource) =>
        dataSource is SqliteFileDataSource || !PostgresDialect.Serves(dataSource) ? SqliteDialect.Instance : PostgresDialect.Instance;

    // Returns @n fresh event ids, reserved for explicit inserts within the current transaction.
    public abstract string AllocateEventIdsSql { get; }

    // Lets an INSERT give explicit values to an identity column.
    public virtual string OverridingIdentity => string.Empty;

    // Appended to the SELECT that picks rows to claim: lets concurrent claimers pass over each other's rows.
    public virtual string SkipLocked => string.Empty;

    // "column is one of values", bound as the single parameter @name (never one parameter per value).
    public abstract (string Sql, Tables.SqlParameter Parameter) In(string column, string name, IReadOnlyCollection<string> values);

    // The only part of the connection string that logs and errors may show.
    public abstract string DatabaseName(string connectionString);

    // Gets the engine ready for the migration scripts and returns DbUp aimed at it.
    public abstract Task<UpgradeEngineBuilder> CreateUpgraderAsync(DbDataSource dataSource, CancellationToken cancellationToken);

    protected static bool IsMalformed(Exception exception) =>
        exception is ArgumentException or FormatException or InvalidCastException or OverflowException;
}
