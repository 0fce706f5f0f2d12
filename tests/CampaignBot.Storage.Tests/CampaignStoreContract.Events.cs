using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Added_event_reads_back_with_every_field()
    {
        var draft = new CampaignEvent
        {
            Kind = EventKind.Strike,
            Title = "Grève des internes — « Not Safe, Not Fair » 🚑 Ωmega",
            Start = new DateTimeOffset(2026, 4, 26, 8, 0, 15, 123, TimeSpan.Zero),
            End = new DateTimeOffset(2026, 4, 26, 17, 0, 0, 987, TimeSpan.Zero),
            TimeZoneId = "Europe/London",
            Location = "Outside St Thomas' Hospital, Westminster Bridge",
            Description = "Bring banners.\nDoctors' picket lines from 8am; line two has ünïcödé.",
            Hashtags = ["NotSafeNotFair", "ImInWorkJeremy", "JuniorDoctorContracts"],
            Link = "https://example.org/strike?day=1&ref=bot",
            Status = EventStatus.Cancelled,
            CancelReason = "Talks resumed at ACAS",
            Reminders = new ReminderPlan([TimeSpan.FromDays(7), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(45), TimeSpan.Zero]),
            CreatedBy = Bob,
            CreatedAt = new DateTimeOffset(2026, 3, 1, 22, 15, 42, 7, TimeSpan.Zero),
        };

        var added = await Store.AddEventAsync(draft, Ct);

        Assert.True(added.Id > 0);
        AssertSameEvent(draft with { Id = added.Id }, added);
        AssertSameEvent(added, await Store.GetEventAsync(added.Id, Ct));
    }

    [Fact]
    public async Task Event_without_optional_fields_reads_back_with_nulls_and_empty_lists()
    {
        var draft = Draft("Bare rally", Now.AddDays(2), EventKind.Rally) with { Reminders = ReminderPlan.None, Hashtags = [] };

        var stored = await Store.GetEventAsync((await Store.AddEventAsync(draft, Ct)).Id, Ct);

        Assert.NotNull(stored);
        Assert.Null(stored.End);
        Assert.Null(stored.Location);
        Assert.Null(stored.Description);
        Assert.Null(stored.Link);
        Assert.Null(stored.CancelReason);
        Assert.Empty(stored.Hashtags);
        Assert.Empty(stored.Reminders.Offsets);
        Assert.Equal(EventStatus.Scheduled, stored.Status);
    }

    [Fact]
    public async Task Default_reminder_plan_round_trips()
    {
        var added = await AddEventAsync("March on Whitehall", Now.AddDays(10));

        var stored = await Store.GetEventAsync(added.Id, Ct);

        Assert.Equal(ReminderPlan.Default, stored?.Reminders);
    }

    [Fact]
    public async Task Instants_are_kept_to_the_millisecond_as_utc()
    {
        var start = new DateTimeOffset(2026, 5, 1, 11, 0, 0, 456, TimeSpan.FromHours(1)).AddTicks(7_891);
        var added = await Store.AddEventAsync(Draft("May Day", start), Ct);

        var stored = await Store.GetEventAsync(added.Id, Ct);

        Assert.NotNull(stored);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, 456, TimeSpan.Zero), stored.Start);
        Assert.Equal(TimeSpan.Zero, stored.Start.Offset);
    }

    [Fact]
    public async Task Unknown_event_is_null()
    {
        await AddEventAsync("Something else", Now.AddDays(1));

        Assert.Null(await Store.GetEventAsync(404, Ct));
    }

    [Fact]
    public async Task Events_get_distinct_increasing_ids()
    {
        var first = await AddEventAsync("One", Now.AddDays(1));
        var second = await AddEventAsync("Two", Now.AddDays(1));
        var third = await AddEventAsync("Three", Now.AddDays(1));

        Assert.True(first.Id < second.Id && second.Id < third.Id);
    }

    [Fact]
    public async Task Every_update_raises_the_revision_whatever_the_caller_passes()
    {
        var added = await AddEventAsync("Vigil", Now.AddDays(3), EventKind.Picket);
        Assert.Equal(0, added.Revision);
        Assert.Null((await Store.GetEventAsync(added.Id, Ct))!.UpdatedAt);

        await Store.UpdateEventAsync(added with { Location = "Here" }, Ct);
        await Store.UpdateEventAsync(added with { Location = "There", Revision = 0 }, Ct);

        var stored = (await Store.GetEventAsync(added.Id, Ct))!;
        Assert.Equal(2, stored.Revision);
        Assert.Equal("There", stored.Location);
        Assert.Equal(stored.UpdatedAt, (await Store.ListEventsAsync(new EventQuery(Now, IncludePast: true), Ct)).Single().UpdatedAt);
    }

    [Fact]
    public async Task Since_leaves_out_events_that_started_before_it()
    {
        await AddEventAsync("Long ago", Now.AddDays(-40));
        await AddEventAsync("Last week", Now.AddDays(-7));
        await AddEventAsync("Next week", Now.AddDays(7));

        var listed = await Store.ListEventsAsync(new EventQuery(Now, IncludePast: true, Since: Now.AddDays(-30)), Ct);

        Assert.Equal(["Last week", "Next week"], Titles(listed));
    }

    [Fact]
    public async Task Update_replaces_every_field()
    {
        var added = await AddEventAsync("Rally at the Department of Health", Now.AddDays(3), EventKind.Rally);
        var updated = added with
        {
            Kind = EventKind.Picket,
            Title = "Picket at Richmond House",
            Start = Now.AddDays(4).AddMilliseconds(250),
            End = Now.AddDays(4).AddHours(3),
            TimeZoneId = "Europe/Dublin",
            Location = "79 Whitehall",
            Description = "Moved and renamed",
            Hashtags = ["LoveYourNHS"],
            Link = "https://example.org/picket",
            Status = EventStatus.Cancelled,
            CancelReason = "Weather",
            Reminders = new ReminderPlan([TimeSpan.FromHours(2)]),
            CreatedBy = Carol,
            CreatedAt = Now.AddMinutes(5),
        };

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.True(await Store.UpdateEventAsync(updated, Ct));

        // The store counts the change and stamps when it was made: calendar feeds follow both.
        var stored = await Store.GetEventAsync(added.Id, Ct);
        Assert.Equal(1, stored!.Revision);
        Assert.InRange(stored.UpdatedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        AssertSameEvent(updated with { Revision = 1, UpdatedAt = stored.UpdatedAt }, stored);
        Assert.Equal(["Picket at Richmond House"], Titles(await Store.FindEventsByTitlePrefixAsync("picket", 10, Ct)));
        Assert.Empty(await Store.FindEventsByTitlePrefixAsync("rally", 10, Ct));
    }

    [Fact]
    public async Task Update_of_an_unknown_event_returns_false_and_stores_nothing()
    {
        var ghost = Draft("Ghost", Now.AddDays(1)) with { Id = 999 };

        Assert.False(await Store.UpdateEventAsync(ghost, Ct));

        Assert.Empty(await Store.ListEventsAsync(new(Now, IncludePast: true), Ct));
    }

    [Fact]
    public async Task Update_leaves_other_events_alone()
    {
        var kept = await AddEventAsync("Kept", Now.AddDays(1));
        var changed = await AddEventAsync("Changed", Now.AddDays(2));

        await Store.UpdateEventAsync(changed with { Title = "Changed again" }, Ct);

        AssertSameEvent(kept, await Store.GetEventAsync(kept.Id, Ct));
    }
}
