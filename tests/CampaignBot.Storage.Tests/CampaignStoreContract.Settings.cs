using CampaignBot.Core.Ports;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Missing_setting_is_null()
    {
        await Store.SetSettingAsync(SettingKeys.BoostPaused, "true", Ct);

        Assert.Null(await Store.GetSettingAsync(SettingKeys.TimeZone, Ct));
    }

    [Fact]
    public async Task Setting_is_overwritten()
    {
        await Store.SetSettingAsync(SettingKeys.TimeZone, "Europe/London", Ct);
        await Store.SetSettingAsync(SettingKeys.CampaignName, "Junior doctors 2016", Ct);

        await Store.SetSettingAsync(SettingKeys.TimeZone, "Europe/Dublin", Ct);

        Assert.Equal("Europe/Dublin", await Store.GetSettingAsync(SettingKeys.TimeZone, Ct));
        Assert.Equal("Junior doctors 2016", await Store.GetSettingAsync(SettingKeys.CampaignName, Ct));
    }

    [Fact]
    public async Task Setting_keeps_unicode_and_empty_values()
    {
        await Store.SetSettingAsync(SettingKeys.CampaignName, "Médecins — ✊", Ct);
        await Store.SetSettingAsync(SettingKeys.SeededFrom, "", Ct);

        Assert.Equal("Médecins — ✊", await Store.GetSettingAsync(SettingKeys.CampaignName, Ct));
        Assert.Equal("", await Store.GetSettingAsync(SettingKeys.SeededFrom, Ct));
    }
}
