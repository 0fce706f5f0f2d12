using CampaignBot.Core.Ports;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Storage.Tests;

public sealed class PostgresSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_schema_of_one_database_gets_its_own_tables_and_journal()
    {
        await using var first = await PostgresTestDatabase.CreateAsync(Ct);
        await using var second = await PostgresTestDatabase.CreateAsync(Ct);
        var one = await first.OpenAsync(Ct);
        await one.Store.SetSettingAsync("which", "first", Ct);

        var two = await second.OpenAsync(Ct);

        Assert.Null(await two.Store.GetSettingAsync("which", Ct));
        Assert.Equal(new StoreStats(0, 0, 0, 0, 0, 0), await two.Store.GetStatsAsync(DateTimeOffset.UnixEpoch, Ct));
        Assert.Equal("first", await one.Store.GetSettingAsync("which", Ct));
    }
}
