using System.Data.Common;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Data_survives_reopening_the_database()
    {
        var e = await AddEventAsync("Survivor", Now.AddDays(1));
        await Store.SetRsvpAsync(new Rsvp(e.Id, Alice, RsvpAnswer.Going, Now), Ct);
        await Store.SetSettingAsync("k", "v", Ct);

        await ReopenAsync();

        AssertSameEvent(e, await Store.GetEventAsync(e.Id, Ct));
        Assert.Equal(RsvpAnswer.Going, (await Store.GetRsvpAsync(e.Id, Alice, Ct))?.Answer);
        Assert.Equal("v", await Store.GetSettingAsync("k", Ct));
        Assert.True((await AddEventAsync("After restart", Now.AddDays(1))).Id > e.Id);
    }

    [Fact]
    public async Task Opening_again_applies_each_migration_once()
    {
        await AddEventAsync("Before", Now.AddDays(1));
        var applied = await CountJournalRowsAsync(Handle.DataSource);

        await using var second = await Database.OpenAsync(Ct);
        await ReopenAsync();

        Assert.True(applied > 0);
        Assert.Equal(applied, await CountJournalRowsAsync(second.DataSource));
        Assert.Equal(["Before"], Titles(await second.Store.ListEventsAsync(new(Now), Ct)));
    }

    private static async Task<long> CountJournalRowsAsync(DbDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schemaversions");
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
