using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    private static readonly Destination CardChannel = new(Platform.Discord, "1400000000000000001", "#actions");

    [Fact]
    public async Task Event_cards_are_remembered_once_per_message_and_listed_per_action()
    {
        var march = await AddEventAsync("March", Now.AddDays(1));
        var strike = await AddEventAsync("Strike", Now.AddDays(2));
        await Store.AddEventCardAsync(new EventCard(march.Id, CardChannel, "m-2", Now.AddSeconds(2)), Ct);
        await Store.AddEventCardAsync(new EventCard(march.Id, CardChannel, "m-1", Now), Ct);
        await Store.AddEventCardAsync(new EventCard(march.Id, CardChannel, "m-1", Now.AddSeconds(9)), Ct);
        await Store.AddEventCardAsync(new EventCard(strike.Id, CardChannel, "m-3", Now), Ct);

        var cards = await Store.ListEventCardsAsync(march.Id, Ct);

        Assert.Equal(["m-1", "m-2"], cards.Select(card => card.MessageId));
        Assert.Equal(CardChannel, cards[0].Channel);
        Assert.Equal(Now, cards[0].PostedAt);
        Assert.Empty(await Store.ListEventCardsAsync(999, Ct));
    }

    [Fact]
    public async Task Withdrawing_interest_removes_only_the_rsvp_interest_made()
    {
        var march = await AddEventAsync("March", Now.AddDays(1));
        var kept = new Person(Platform.Discord, "1", "Changed their mind");
        var withdrawn = new Person(Platform.Discord, "2", "Only interested");
        foreach (var person in new[] { kept, withdrawn })
        {
            await Store.SetRsvpAsync(new Rsvp(march.Id, person, RsvpAnswer.Going, Now), Ct);
            await Store.AddInterestAsync(march.Id, person, Now, Ct);
        }

        await Store.SetRsvpAsync(new Rsvp(march.Id, kept, RsvpAnswer.Maybe, Now.AddMinutes(1)), Ct);
        Assert.Equal(["1", "2"], await Store.ListInterestAsync(march.Id, Platform.Discord, Ct));

        Assert.False(await Store.WithdrawInterestAsync(march.Id, kept, Ct));
        Assert.True(await Store.WithdrawInterestAsync(march.Id, withdrawn, Ct));
        Assert.False(await Store.WithdrawInterestAsync(march.Id, withdrawn, Ct));
        Assert.Equal(RsvpAnswer.Maybe, (await Store.GetRsvpAsync(march.Id, kept, Ct))?.Answer);
        Assert.Null(await Store.GetRsvpAsync(march.Id, withdrawn, Ct));
        Assert.Empty(await Store.ListInterestAsync(march.Id, Platform.Discord, Ct));
    }
}
