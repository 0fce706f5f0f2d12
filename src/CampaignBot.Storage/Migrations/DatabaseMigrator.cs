using System.Data.Common;
using CampaignBot.Storage.Dialects;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Storage.Migrations;

// Brings the database to the latest schema. Safe to run on every start: applied scripts are journalled.
public sealed class DatabaseMigrator(DbDataSource dataSource, IOptions<StorageOptions> options, ILogger<DatabaseMigrator> logger)
{
    private const string Keys = $"check {StorageOptions.Section}:{nameof(StorageOptions.Provider)} and {StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var provider = options.Value.Provider;
        var dialect = StorageDialect.For(provider);
        var database = dialect.DatabaseName(dataSource.ConnectionString);

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
            throw new DatabaseMigrationException($"Could not migrate the {provider} database '{database}' ({Keys}): {exception.Message}", exception);
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
