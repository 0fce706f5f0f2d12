using CampaignBot.Storage;

namespace CampaignBot.Testing.Databases;

// A fresh, empty database of one engine, removed on dispose, so one suite can run against SQLite and PostgreSQL.
public interface ITestDatabase : IAsyncDisposable
{
    StorageProvider Provider { get; }

    // Points at this database only; hand it to a host (Storage:Provider, Storage:ConnectionString) or open it directly.
    StorageOptions Options { get; }

    // Migrates (first time) and opens a store; the database disposes handles left open when it goes.
    Task<CampaignStoreHandle> OpenAsync(CancellationToken cancellationToken = default);
}
