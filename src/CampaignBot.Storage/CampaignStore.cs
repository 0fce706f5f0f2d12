using CampaignBot.Storage.Dialects;
using CampaignBot.Storage.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Storage;

// Opens a store without a host, for tests and tools. The bot itself uses AddCampaignStorage.
public static class CampaignStore
{
    public static Task<CampaignStoreHandle> OpenAsync(StorageOptions options, CancellationToken cancellationToken) =>
        OpenAsync(options, NullLoggerFactory.Instance, cancellationToken);

    public static async Task<CampaignStoreHandle> OpenAsync(StorageOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        StorageOptionsValidator.ThrowIfInvalid(options);
        var dataSource = StorageDialect.For(options.Provider).CreateDataSource(options.ConnectionString);
        try
        {
            var migrator = new DatabaseMigrator(dataSource, Options.Create(options), loggerFactory.CreateLogger<DatabaseMigrator>());
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new CampaignStoreHandle(dataSource, new SqlCampaignStore(dataSource, TimeProvider.System));
    }
}
