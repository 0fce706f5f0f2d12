using CampaignBot.Storage.Migrations;
using CampaignBot.Testing.Databases;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Tests;

public sealed class MigrationFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unusable_sqlite_location_is_reported_naming_the_settings()
    {
        await using var database = new SqliteTestDatabase();
        var blocker = Path.Combine(Path.GetDirectoryName(database.FilePath)!, "not-a-directory");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where a directory should be", Ct);
        var options = new StorageOptions { ConnectionString = $"Data Source={Path.Combine(blocker, "campaignbot.db")}" };

        var error = await Assert.ThrowsAsync<DatabaseMigrationException>(() => CampaignStore.OpenAsync(options, Ct));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_postgres_is_reported_naming_the_settings_but_not_the_password()
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=campaignbot;Username=bot;Password=s3cret-pa55;Timeout=5",
        };

        var error = await Assert.ThrowsAsync<DatabaseMigrationException>(() => CampaignStore.OpenAsync(options, Ct));

        Assert.Contains("Postgres database 'campaignbot'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pa55", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_script_is_named_and_nothing_of_it_is_kept()
    {
        await using var database = new SqliteTestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        await using (var connection = new SqliteConnection(database.Options.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE settings (squatter TEXT)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<DatabaseMigrationException>(() => database.OpenAsync(Ct));

        Assert.Contains("Migration 0001_initial.sql of the Sqlite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        await using (var connection = new SqliteConnection(database.Options.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'events'";
            Assert.Equal(0L, await command.ExecuteScalarAsync(Ct));
        }
    }
}
