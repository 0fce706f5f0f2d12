using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Personal_reminder_gets_an_id_and_reads_back()
    {
        var e = await AddEventAsync("March", Now.AddDays(2));
        var draft = new PersonalReminder(0, e.Id, Bob, TimeSpan.FromMinutes(90), e.Start.AddMinutes(-90), Now.AddMilliseconds(5));

        var added = await Store.AddPersonalReminderAsync(draft, Ct);

        Assert.True(added.Id > 0);
        Assert.Equal(draft with { Id = added.Id }, added);
        Assert.Equal([added], await Store.ListPersonalRemindersAsync(Bob, Ct));
    }

    [Fact]
    public async Task Asking_again_for_the_same_reminder_returns_the_existing_one()
    {
        var e = await AddEventAsync("March", Now.AddDays(2));
        var first = await Store.AddPersonalReminderAsync(new PersonalReminder(0, e.Id, Alice, TimeSpan.FromHours(1), e.Start.AddHours(-1), Now), Ct);

        var again = await Store.AddPersonalReminderAsync(
            new PersonalReminder(0, e.Id, Alice with { DisplayName = "Renamed" }, TimeSpan.FromHours(1), e.Start.AddHours(-1), Now.AddMinutes(10)), Ct);

        Assert.Equal(first, again);
        Assert.Equal([first], await Store.ListPersonalRemindersAsync(Alice, Ct));
    }

    [Fact]
    public async Task Reminders_at_other_offsets_events_or_for_other_people_are_separate()
    {
        var march = await AddEventAsync("March", Now.AddDays(2));
        var rally = await AddEventAsync("Rally", Now.AddDays(3));
        var hour = await Store.AddPersonalReminderAsync(new PersonalReminder(0, march.Id, Alice, TimeSpan.FromHours(1), march.Start.AddHours(-1), Now), Ct);
        var atStart = await Store.AddPersonalReminderAsync(new PersonalReminder(0, march.Id, Alice, TimeSpan.Zero, march.Start, Now), Ct);
        var otherEvent = await Store.AddPersonalReminderAsync(new PersonalReminder(0, rally.Id, Alice, TimeSpan.FromHours(1), rally.Start.AddHours(-1), Now), Ct);
        var otherPerson = await Store.AddPersonalReminderAsync(new PersonalReminder(0, march.Id, Bob, TimeSpan.FromHours(1), march.Start.AddHours(-1), Now), Ct);

        Assert.Equal(4, new[] { hour.Id, atStart.Id, otherEvent.Id, otherPerson.Id }.Distinct().Count());
        Assert.Equal([hour, atStart, otherEvent], await Store.ListPersonalRemindersAsync(Alice, Ct));
        Assert.Equal([otherPerson], await Store.ListPersonalRemindersAsync(Bob, Ct));
    }

    [Fact]
    public async Task Personal_reminders_list_soonest_due_first_and_only_for_that_person()
    {
        var later = await AddEventAsync("Later", Now.AddDays(5));
        var sooner = await AddEventAsync("Sooner", Now.AddDays(1));
        var late = await Store.AddPersonalReminderAsync(new PersonalReminder(0, later.Id, Carol, TimeSpan.FromDays(1), later.Start.AddDays(-1), Now), Ct);
        var soon = await Store.AddPersonalReminderAsync(new PersonalReminder(0, sooner.Id, Carol, TimeSpan.FromMinutes(30), sooner.Start.AddMinutes(-30), Now), Ct);
        await Store.AddPersonalReminderAsync(new PersonalReminder(0, sooner.Id, Alice, TimeSpan.FromMinutes(30), sooner.Start.AddMinutes(-30), Now), Ct);

        Assert.Equal([soon, late], await Store.ListPersonalRemindersAsync(Carol, Ct));
        Assert.Empty(await Store.ListPersonalRemindersAsync(new Person(Platform.Discord, Carol.Id, "Other Carol"), Ct));
    }
}
