using CampaignBot.Storage;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Testing.Databases;

// A database file in a new directory of its own under the temp folder (not created until the store is opened,
// like a first start); the directory and everything in it go on dispose.
public sealed class SqliteTestDatabase() : TestDatabase(CreateOptions())
{
    public string FilePath => new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;

    protected override ValueTask DropAsync()
    {
        // Connections a test opened itself would otherwise keep the file open.
        using (var connection = new SqliteConnection(Options.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Path.GetDirectoryName(FilePath) is { } directory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static StorageOptions CreateOptions()
    {
        var file = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"), "campaignbot.db");
        return new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString(),
        };
    }
}
