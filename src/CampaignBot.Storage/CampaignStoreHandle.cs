using System.Data.Common;
using CampaignBot.Core.Ports;

namespace CampaignBot.Storage;

// An opened, migrated store and the connections behind it; disposing releases them.
public sealed class CampaignStoreHandle(DbDataSource dataSource, ICampaignStore store) : IAsyncDisposable, IDisposable
{
    public ICampaignStore Store { get; } = store;

    public DbDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
