using CampaignBot.Testing.Databases;

namespace CampaignBot.Storage.Tests;

public sealed class SqliteCampaignStoreTests : CampaignStoreContract
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}
