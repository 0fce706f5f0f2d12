using CampaignBot.Storage;

namespace CampaignBot.Testing.Databases;

public abstract class TestDatabase(StorageOptions options) : ITestDatabase
{
    private readonly List<CampaignStoreHandle> _handles = [];
    private bool _disposed;

    public StorageProvider Provider => Options.Provider;

    public StorageOptions Options { get; } = options;

    public static async Task<ITestDatabase> CreateAsync(StorageProvider provider, CancellationToken cancellationToken = default) => provider switch
    {
        StorageProvider.Sqlite => new SqliteTestDatabase(),
        StorageProvider.Postgres => await PostgresTestDatabase.CreateAsync(cancellationToken).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No test database for this provider."),
    };

    public async Task<CampaignStoreHandle> OpenAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var handle = await CampaignStore.OpenAsync(Options, cancellationToken).ConfigureAwait(false);
        lock (_handles)
        {
            _handles.Add(handle);
        }

        return handle;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CampaignStoreHandle[] handles;
        lock (_handles)
        {
            handles = [.. _handles];
        }

        // Disposing a handle twice is harmless, so tests may dispose their own as well.
        foreach (var handle in handles)
        {
            await handle.DisposeAsync().ConfigureAwait(false);
        }

        await DropAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask DropAsync();
}
