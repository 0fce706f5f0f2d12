using CampaignBot.Core.Ports;
using CampaignBot.Storage.Migrations;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Storage.Tests;

public sealed class AddCampaignStorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migrating_before_start_serves_the_hosted_services_and_says_so(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Ct);
        var logs = new RecordingLoggerProvider();

        using (var host = BuildHost(Settings(database), logs))
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(Ct);
            await host.StartAsync(Ct);

            Assert.Equal(new StoreStats(0, 0, 0, 0, 0, 0), host.Services.GetRequiredService<StatsProbe>().Seen);
            await host.StopAsync(Ct);
        }

        using (var host = BuildHost(Settings(database), logs))
        {
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(Ct);
            await host.StartAsync(Ct);
            await host.StopAsync(Ct);
        }

        var messages = logs.Entries.Where(entry => entry.Category == typeof(DatabaseMigrator).FullName).Select(entry => entry.Message).ToArray();
        // The first start applies every script, in order; the second finds nothing to do.
        Assert.StartsWith($"Applied migration 0001_initial.sql to the {provider} database ", messages[0], StringComparison.Ordinal);
        Assert.All(messages[..^1], message => Assert.StartsWith("Applied migration 0", message, StringComparison.Ordinal));
        Assert.Equal(messages[..^1].Order(StringComparer.Ordinal), messages[..^1]);
        Assert.EndsWith("is up to date", messages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_connection_string_stops_start_up_naming_the_key()
    {
        using var host = BuildHost(new() { ["Storage:ConnectionString"] = "" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("Storage:ConnectionString must be set.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_stops_start_up_naming_the_key()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "MySql" });

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync(Ct));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_the_host_leaves_migrating_to_the_one_place_that_does_it()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Ct);
        var logs = new RecordingLoggerProvider();
        using var host = BuildHost(Settings(database), logs, probe: false);

        await host.StartAsync(Ct);
        await host.StopAsync(Ct);

        Assert.DoesNotContain(logs.Entries, entry => entry.Category == typeof(DatabaseMigrator).FullName);
    }

    [Fact]
    public async Task Unreachable_database_stops_start_up_naming_the_settings()
    {
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=campaignbot;Username=bot;Password=pw;Timeout=5",
        });

        var error = await Assert.ThrowsAsync<DatabaseMigrationException>(() => host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(Ct));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(ITestDatabase database) => new()
    {
        ["Storage:Provider"] = database.Options.Provider.ToString(),
        ["Storage:ConnectionString"] = database.Options.ConnectionString,
    };

    private static IHost BuildHost(Dictionary<string, string?> settings, RecordingLoggerProvider? logs = null, bool probe = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs ?? new RecordingLoggerProvider());
        builder.Services.AddCampaignStorage();
        if (probe)
        {
            builder.Services.AddSingleton<StatsProbe>();
            builder.Services.AddHostedService(services => services.GetRequiredService<StatsProbe>());
        }

        return builder.Build();
    }

    // Reads the store while the host starts, as the seeder and scheduler will; fails if the tables are missing.
    private sealed class StatsProbe(ICampaignStore store) : IHostedService
    {
        public StoreStats? Seen { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken) =>
            Seen = await store.GetStatsAsync(DateTimeOffset.UnixEpoch, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
