using System.Data.Common;
using System.Runtime.CompilerServices;
using CampaignBot.Storage.Dialects;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Storage.Migrations;

// Brings the database to the latest schema. Safe to run on every start: applied scripts are journalled. A database
// whose journal already lists every script is left alone without loading DbUp at all (about 20 ms of each start).
public sealed class DatabaseMigrator(DbDataSource dataSource, IOptions<StorageOptions> options, ILogger<DatabaseMigrator> logger)
{
    private const string Keys = $"check {StorageOptions.Section}:{nameof(StorageOptions.Provider)} and {StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var provider = options.Value.Provider;
        var dialect = StorageDialect.For(provider);
        var database = dialect.DatabaseName(dataSource.ConnectionString);
        if (await IsCurrentAsync(dialect, provider, database, cancellationToken).ConfigureAwait(false))
        {
            Log.SchemaUpToDate(logger, provider, database);
            return;
        }

        await UpgradeAsync(dialect, provider, database, cancellationToken).ConfigureAwait(false);
    }

    // DbUp's journal (SchemaVersions; schemaversions on PostgreSQL, as unquoted names fold, found on the search path
    // as DbUp finds it) names every applied script. A journal that can't be read (a new database) leaves the answer to
    // DbUp; a database that can't be reached is reported at once, not after a second wait for DbUp's connection.
    private async Task<bool> IsCurrentAsync(StorageDialect dialect, StorageProvider provider, string database, CancellationToken cancellationToken)
    {
        if (dialect is SqliteDialect && !File.Exists(Path.GetFullPath(database)))
        {
            return false;
        }

        DbConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw CouldNotMigrate(provider, database, exception);
        }

        await using (connection.ConfigureAwait(false))
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT ScriptName FROM SchemaVersions";
                var applied = new HashSet<string>(StringComparer.Ordinal);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        applied.Add(reader.GetString(0));
                    }
                }

                return MigrationScripts.Names(provider).All(applied.Contains);
            }
            catch (DbException)
            {
                return false;
            }
        }
    }

    private static DatabaseMigrationException CouldNotMigrate(StorageProvider provider, string database, Exception exception) =>
        new($"Could not migrate the {provider} database '{database}' ({Keys}): {exception.Message}", exception);

    // Out of line, so a start with a current database never loads DbUp's types.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task UpgradeAsync(StorageDialect dialect, StorageProvider provider, string database, CancellationToken cancellationToken)
    {
        DatabaseUpgradeResult result;
        try
        {
            var upgrader = await dialect.CreateUpgraderAsync(dataSource, cancellationToken).ConfigureAwait(false);
            // DbUp is synchronous; this runs once, before the bot takes any work.
            result = upgrader
                .WithScripts(MigrationScripts.For(provider))
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build()
                .PerformUpgrade();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw CouldNotMigrate(provider, database, exception);
        }

        if (!result.Successful)
        {
            var failure = result.ErrorScript is { } script
                ? $"Migration {script.Name} of the {provider} database '{database}' failed"
                : $"Could not migrate the {provider} database '{database}'";
            throw new DatabaseMigrationException($"{failure} ({Keys}): {result.Error?.Message}", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            Log.MigrationApplied(logger, script.Name, provider, database);
        }

        if (!result.Scripts.Any())
        {
            Log.SchemaUpToDate(logger, provider, database);
        }
    }
}
