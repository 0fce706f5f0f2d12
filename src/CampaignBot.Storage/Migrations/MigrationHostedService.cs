using Microsoft.Extensions.Hosting;

namespace CampaignBot.Storage.Migrations;

// Hosted services start in registration order, so everything registered after this one sees the latest schema.
internal sealed class MigrationHostedService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
