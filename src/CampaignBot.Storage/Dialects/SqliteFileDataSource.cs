using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Dialects;

// Like SqliteFactory.Instance.CreateDataSource, but disposing it releases the pooled connections, which
// otherwise keep the database file and its -wal/-shm companions open after the store is gone.
internal sealed class SqliteFileDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
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
