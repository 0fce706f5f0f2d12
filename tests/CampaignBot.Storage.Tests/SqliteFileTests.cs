using CampaignBot.Testing.Databases;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Tests;

public sealed class SqliteFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opening_creates_the_missing_directory_and_the_file()
    {
        await using var database = new SqliteTestDatabase();
        Assert.False(Directory.Exists(Path.GetDirectoryName(database.FilePath)));

        await database.OpenAsync(Ct);

        Assert.True(File.Exists(database.FilePath));
    }

    [Fact]
    public async Task Database_uses_write_ahead_logging()
    {
        await using var database = new SqliteTestDatabase();
        await database.OpenAsync(Ct);

        await using var connection = new SqliteConnection(database.Options.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Disposing_the_store_releases_the_file()
    {
        await using var database = new SqliteTestDatabase();
        var handle = await database.OpenAsync(Ct);
        await handle.Store.SetSettingAsync("k", "v", Ct);

        await handle.DisposeAsync();

        // The last connection to close checkpoints the write-ahead log and removes it.
        Assert.False(File.Exists(database.FilePath + "-wal"));
    }
}
