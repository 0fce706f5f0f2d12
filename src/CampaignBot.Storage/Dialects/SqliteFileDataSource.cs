using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Dialects;

// Like SqliteFactory.Instance.CreateDataSource, but disposing it releases the pooled connections, which
// otherwise keep the database file and its -wal/-shm companions open after the store is gone.
internal sealed class SqliteFileDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    /// <summary>Taken by each transaction of this process, so they queue asynchronously rather than on SQLite's lock.</summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.StateChange += WaitInsideSqliteWhenBusy;
        return connection;
    }

    // Microsoft.Data.Sqlite retries a busy database by sleeping 150 ms at a time; SQLite's own busy handler waits in
    // steps of a few milliseconds, so a writer queued behind another is through in milliseconds, not 150.
    private static void WaitInsideSqliteWhenBusy(object? sender, System.Data.StateChangeEventArgs change)
    {
        if (change.CurrentState == System.Data.ConnectionState.Open && sender is SqliteConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {connection.DefaultTimeout * 1000};";
            command.ExecuteNonQuery();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            WriteGate.Dispose();
            ReleasePool();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        ReleasePool();
        return base.DisposeAsyncCore();
    }

    private void ReleasePool()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
