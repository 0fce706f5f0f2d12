using System.Data.Common;
using CampaignBot.Core.Ports;
using CampaignBot.Storage.Dialects;
using CampaignBot.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Storage</c> section, registers the <see cref="DbDataSource"/> and
    /// <see cref="ICampaignStore"/> singletons, and a hosted service that migrates the database in its <c>StartAsync</c>.
    /// </summary>
    /// <remarks>
    /// Hosted services start in registration order: call this before registering any hosted service that uses
    /// storage (seeding, scheduling, adapters), so that they start against the latest schema.
    /// </remarks>
    public static IServiceCollection AddCampaignStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return StorageDialect.For(options.Provider).CreateDataSource(options.ConnectionString);
        });
        services.TryAddSingleton<ICampaignStore>(provider => new SqlCampaignStore(provider.GetRequiredService<DbDataSource>()));
        services.TryAddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrationHostedService>();
        return services;
    }
}
