using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Commands.Tests;

public sealed class CampaignStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commands_see_their_own_changes_at_once()
    {
        await using var bot = await CommandHarness.CreateAsync();
        Assert.False(await bot.State.BoostPausedAsync(Ct));
        var zone = await bot.State.TimeZoneAsync(Ct);

        await bot.OkAsync("settings timezone Europe/Dublin");
        await bot.OkAsync("hashtag track JuniorDoctorsStrike");
        await bot.OkAsync("boost pause");

        Assert.NotEqual("Europe/Dublin", zone);
        Assert.Equal("Europe/Dublin", await bot.State.TimeZoneAsync(Ct));
        Assert.Contains("JuniorDoctorsStrike", await bot.State.HashtagsAsync(Ct));
        Assert.True(await bot.State.BoostPausedAsync(Ct));
    }

    [Fact]
    public async Task A_change_made_by_another_node_is_seen_once_the_shared_read_expires()
    {
        await using var bot = await CommandHarness.CreateAsync();
        var before = await bot.State.HashtagsAsync(Ct);

        // Another node writes straight to the shared store.
        await bot.Store.RecordHashtagChangeAsync(new HashtagChange("LoveYourNHS", Tracked: true, CommandHarness.Organiser, bot.Clock.GetUtcNow()), Ct);
        await bot.Store.SetSettingAsync(SettingKeys.CampaignName, "Save our NHS", Ct);
        var cached = await bot.State.HashtagsAsync(Ct);
        bot.Clock.Advance(CampaignState.CacheFor);

        Assert.Equal(before, cached);
        Assert.DoesNotContain("LoveYourNHS", cached);
        Assert.Contains("LoveYourNHS", await bot.State.HashtagsAsync(Ct));
        Assert.Equal("Save our NHS", await bot.State.NameAsync(Ct));
    }
}
