using System.Data.Common;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Rsvp_reads_back()
    {
        var e = await AddEventAsync("March", Now.AddDays(1));
        var rsvp = new Rsvp(e.Id, Bob, RsvpAnswer.NotGoing, Now.AddMilliseconds(321));

        await Store.SetRsvpAsync(rsvp, Ct);

        Assert.Equal(rsvp, await Store.GetRsvpAsync(e.Id, Bob, Ct));
    }

    [Fact]
    public async Task Rsvp_replaces_earlier_answer()
    {
        var e = await AddEventAsync("March", Now.AddDays(1));
        await Store.SetRsvpAsync(new Rsvp(e.Id, Alice, RsvpAnswer.Going, Now), Ct);

        var renamed = Alice with { DisplayName = "Dr Alice" };
        await Store.SetRsvpAsync(new Rsvp(e.Id, renamed, RsvpAnswer.Maybe, Now.AddHours(1)), Ct);

        Assert.Equal(new Rsvp(e.Id, renamed, RsvpAnswer.Maybe, Now.AddHours(1)), await Store.GetRsvpAsync(e.Id, Alice, Ct));
        Assert.Equal(new RsvpCounts(0, 1, 0), (await Store.GetRsvpCountsAsync([e.Id], Ct))[e.Id]);
    }

    [Fact]
    public async Task Rsvp_is_null_for_someone_who_has_not_answered()
    {
        var e = await AddEventAsync("March", Now.AddDays(1));
        await Store.SetRsvpAsync(new Rsvp(e.Id, Alice, RsvpAnswer.Going, Now), Ct);

        Assert.Null(await Store.GetRsvpAsync(e.Id, Bob, Ct));
        Assert.Null(await Store.GetRsvpAsync(e.Id, new Person(Platform.Mastodon, Alice.Id, "Same id, other platform"), Ct));
    }

    [Fact]
    public async Task Same_person_id_on_another_platform_is_another_person()
    {
        var e = await AddEventAsync("March", Now.AddDays(1));
        var twin = new Person(Platform.Shell, Alice.Id, "Shell Alice");

        await Store.SetRsvpAsync(new Rsvp(e.Id, Alice, RsvpAnswer.Going, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(e.Id, twin, RsvpAnswer.NotGoing, Now), Ct);

        Assert.Equal(RsvpAnswer.Going, (await Store.GetRsvpAsync(e.Id, Alice, Ct))?.Answer);
        Assert.Equal(RsvpAnswer.NotGoing, (await Store.GetRsvpAsync(e.Id, twin, Ct))?.Answer);
    }

    [Fact]
    public async Task Rsvp_counts_cover_each_requested_event()
    {
        var march = await AddEventAsync("March", Now.AddDays(1));
        var strike = await AddEventAsync("Strike", Now.AddDays(2));
        var quiet = await AddEventAsync("Quiet", Now.AddDays(3));
        var other = await AddEventAsync("Not asked about", Now.AddDays(4));
        await Store.SetRsvpAsync(new Rsvp(march.Id, Alice, RsvpAnswer.Going, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(march.Id, Bob, RsvpAnswer.Going, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(march.Id, Carol, RsvpAnswer.Maybe, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(strike.Id, Alice, RsvpAnswer.NotGoing, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(strike.Id, Bob, RsvpAnswer.Maybe, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(other.Id, Carol, RsvpAnswer.Going, Now), Ct);

        var counts = await Store.GetRsvpCountsAsync([march.Id, strike.Id, quiet.Id], Ct);

        Assert.Equal(3, counts.Count);
        Assert.Equal(new RsvpCounts(2, 1, 0), counts[march.Id]);
        Assert.Equal(new RsvpCounts(0, 1, 1), counts[strike.Id]);
        Assert.Equal(RsvpCounts.Empty, counts[quiet.Id]);
    }

    [Fact]
    public async Task Rsvp_counts_of_no_events_are_empty()
    {
        Assert.Empty(await Store.GetRsvpCountsAsync([], Ct));
    }

    [Fact]
    public async Task Rsvp_counts_for_many_events_at_once_are_complete()
    {
        var e = await AddEventAsync("March", Now.AddDays(1));
        await Store.SetRsvpAsync(new Rsvp(e.Id, Alice, RsvpAnswer.Going, Now), Ct);
        var ids = Enumerable.Range(1, 1_200).Select(i => (long)i).Append(e.Id).ToArray();

        var counts = await Store.GetRsvpCountsAsync(ids, Ct);

        Assert.Equal(ids.Distinct().Count(), counts.Count);
        Assert.Equal(new RsvpCounts(1, 0, 0), counts[e.Id]);
        Assert.All(counts.Where(pair => pair.Key != e.Id), pair => Assert.Equal(RsvpCounts.Empty, pair.Value));
    }

    [Fact]
    public async Task Rsvp_for_an_unknown_event_is_refused()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => Store.SetRsvpAsync(new Rsvp(12345, Alice, RsvpAnswer.Going, Now), Ct));
    }
}
