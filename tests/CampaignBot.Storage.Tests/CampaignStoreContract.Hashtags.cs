using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Hashtag_change_reads_back()
    {
        var change = new HashtagChange("ImInWorkJeremy", Tracked: true, Alice, Now.AddMilliseconds(77));

        await Store.RecordHashtagChangeAsync(change, Ct);

        Assert.Equal([change], await Store.ListHashtagChangesAsync(Ct));
    }

    [Fact]
    public async Task Latest_hashtag_change_wins_whatever_the_case()
    {
        await Store.RecordHashtagChangeAsync(new HashtagChange("LoveYourNHS", Tracked: true, Alice, Now), Ct);
        var untrack = new HashtagChange("loveyournhs", Tracked: false, Bob, Now.AddMinutes(1));

        await Store.RecordHashtagChangeAsync(untrack, Ct);

        Assert.Equal([untrack], await Store.ListHashtagChangesAsync(Ct));
    }

    [Fact]
    public async Task An_older_hashtag_change_does_not_override_a_newer_one()
    {
        var newer = new HashtagChange("NotSafeNotFair", Tracked: false, Alice, Now);
        await Store.RecordHashtagChangeAsync(newer, Ct);

        await Store.RecordHashtagChangeAsync(new HashtagChange("NOTSAFENOTFAIR", Tracked: true, Bob, Now.AddSeconds(-1)), Ct);

        Assert.Equal([newer], await Store.ListHashtagChangesAsync(Ct));
    }

    [Fact]
    public async Task Changes_to_different_hashtags_are_all_kept_oldest_first()
    {
        var second = new HashtagChange("JuniorDoctorContracts", Tracked: false, Bob, Now.AddHours(1));
        var first = new HashtagChange("NotSafeNotFair", Tracked: true, Alice, Now);
        await Store.RecordHashtagChangeAsync(second, Ct);
        await Store.RecordHashtagChangeAsync(first, Ct);

        var changes = await Store.ListHashtagChangesAsync(Ct);

        Assert.Equal([first, second], changes);
        Assert.Equal(["NotSafeNotFair"], Hashtags.Effective(["JuniorDoctorContracts"], changes));
    }
}
