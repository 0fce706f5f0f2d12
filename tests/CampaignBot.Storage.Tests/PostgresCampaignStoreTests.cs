using CampaignBot.Testing.Databases;

namespace CampaignBot.Storage.Tests;

public sealed class PostgresCampaignStoreTests : CampaignStoreContract
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync(Ct);
}
