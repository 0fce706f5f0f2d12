using System.Data.Common;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Mentions;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
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
    /// <see cref="ICampaignStore"/> singletons (with the reminder queue, delivery log, hashtag counts, boost ledger and Mastodon mention and post ledgers), and the <see cref="DatabaseMigrator"/>.
    /// </summary>
    /// <remarks>
    /// Starting the host does not migrate: run <see cref="DatabaseMigrator.MigrateAsync"/> once the host is built and
    /// before it starts (the bot does so in <c>Program.cs</c>, where a bad database is reported as one line), so
    /// every hosted service that uses storage starts against the latest schema.
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
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICampaignStore>(provider => new SqlCampaignStore(
            provider.GetRequiredService<DbDataSource>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IReminderQueue>(provider => new SqlReminderQueue(
            provider.GetRequiredService<DbDataSource>(),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IDeliveryLog>(provider => new SqlDeliveryLog(provider.GetRequiredService<DbDataSource>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new SqlHashtagMentionStore(provider.GetRequiredService<DbDataSource>()));
        services.TryAddSingleton<IHashtagMentionSink>(provider => provider.GetRequiredService<SqlHashtagMentionStore>());
        services.TryAddSingleton<IHashtagCounts>(provider => provider.GetRequiredService<SqlHashtagMentionStore>());
        services.TryAddSingleton<IBoostLedger>(provider => new SqlBoostLedger(provider.GetRequiredService<DbDataSource>()));
        services.TryAddSingleton<IMentionLedger>(provider => new SqlMentionLedger(provider.GetRequiredService<DbDataSource>()));
        services.TryAddSingleton<IPostLedger>(provider => new SqlPostLedger(provider.GetRequiredService<DbDataSource>()));
        services.TryAddSingleton<DatabaseMigrator>();
        services.AddSingleton<IReadinessProbe, DatabaseReadiness>();
        return services;
    }
}
