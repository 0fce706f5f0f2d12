using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Stats_of_an_empty_store_are_zero()
    {
        Assert.Equal(new StoreStats(0, 0, 0, 0, 0, 0), await Store.GetStatsAsync(Now, Ct));
    }

    [Fact]
    public async Task Stats_count_events_answers_pending_reminders_and_subscriptions()
    {
        var upcoming = await AddEventAsync("Upcoming", Now.AddDays(1));
        await AddEventAsync("Starting now", Now);
        var past = await AddEventAsync("Past", Now.AddDays(-1));
        var cancelledLater = await AddEventAsync("Cancelled later", Now.AddDays(2));
        var cancelledEarlier = await AddEventAsync("Cancelled earlier", Now.AddDays(-2));
        await Store.UpdateEventAsync(cancelledLater with { Status = EventStatus.Cancelled }, Ct);
        await Store.UpdateEventAsync(cancelledEarlier with { Status = EventStatus.Cancelled }, Ct);
        await Store.SetRsvpAsync(new Rsvp(upcoming.Id, Alice, RsvpAnswer.Going, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(upcoming.Id, Bob, RsvpAnswer.NotGoing, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(upcoming.Id, Bob, RsvpAnswer.Maybe, Now), Ct);
        await Store.SetRsvpAsync(new Rsvp(past.Id, Carol, RsvpAnswer.Going, Now), Ct);
        await Store.AddPersonalReminderAsync(new PersonalReminder(0, upcoming.Id, Alice, TimeSpan.FromHours(1), upcoming.Start.AddHours(-1), Now), Ct);
        await Store.AddPersonalReminderAsync(new PersonalReminder(0, upcoming.Id, Alice, TimeSpan.FromDays(1), upcoming.Start.AddDays(-1), Now), Ct);
        await Store.AddPersonalReminderAsync(new PersonalReminder(0, past.Id, Alice, TimeSpan.Zero, past.Start, Now.AddDays(-2)), Ct);
        await Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, "1"), EventKinds.All, Alice, Now), Ct);
        await Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Mastodon, "timeline"), EventKinds.All, Alice, Now), Ct);

        var stats = await Store.GetStatsAsync(Now, Ct);

        Assert.Equal(new StoreStats(UpcomingEvents: 2, PastEvents: 1, CancelledEvents: 2, Rsvps: 3, PersonalReminders: 2, Subscriptions: 2), stats);
    }
}
