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
    public async Task A_writer_waits_inside_sqlite_for_a_busy_database_and_then_succeeds()
    {
        await using var database = new SqliteTestDatabase();
        await using var handle = await database.OpenAsync(Ct);
        await using (var probe = await handle.DataSource.OpenConnectionAsync(Ct))
        {
            await using var pragma = probe.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout";
            Assert.True(Convert.ToInt64(await pragma.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) >= 1000);
        }

        // Another process holds the write lock for a moment; the store's write goes through once it is released.
        await using var other = new SqliteConnection(database.Options.ConnectionString);
        await other.OpenAsync(Ct);
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var write = Task.Run(() => handle.Store.SetSettingAsync("busy.test", "written", Ct), Ct);
        await Task.Delay(200, Ct);
        Assert.False(write.IsCompleted);
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync(Ct);
        }

        await write;
        Assert.Equal("written", await handle.Store.GetSettingAsync("busy.test", Ct));
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
