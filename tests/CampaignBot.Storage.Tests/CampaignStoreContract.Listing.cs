using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task Listing_returns_upcoming_scheduled_events_soonest_first()
    {
        await AddEventAsync("In three days", Now.AddDays(3));
        await AddEventAsync("Yesterday", Now.AddDays(-1));
        await AddEventAsync("Tomorrow", Now.AddDays(1));
        var cancelled = await AddEventAsync("Called off", Now.AddDays(2));
        await Store.UpdateEventAsync(cancelled with { Status = EventStatus.Cancelled }, Ct);
        await AddEventAsync("In two days", Now.AddDays(2));

        var events = await Store.ListEventsAsync(new EventQuery(Now), Ct);

        Assert.Equal(["Tomorrow", "In two days", "In three days"], Titles(events));
    }

    [Fact]
    public async Task Listing_includes_an_event_starting_now_and_excludes_one_a_millisecond_earlier()
    {
        await AddEventAsync("Starting now", Now);
        await AddEventAsync("Just started", Now.AddMilliseconds(-1));

        var events = await Store.ListEventsAsync(new EventQuery(Now), Ct);

        Assert.Equal(["Starting now"], Titles(events));
    }

    [Fact]
    public async Task Listing_includes_an_event_that_has_started_and_not_ended()
    {
        await Store.AddEventAsync(Draft("Under way", Now.AddHours(-1), EventKind.March) with { End = Now.AddHours(1) }, Ct);
        await Store.AddEventAsync(Draft("Just ended", Now.AddHours(-2), EventKind.March) with { End = Now }, Ct);
        await AddEventAsync("Tomorrow", Now.AddDays(1));

        var events = await Store.ListEventsAsync(new EventQuery(Now), Ct);

        Assert.Equal(["Under way", "Tomorrow"], Titles(events));
    }

    [Fact]
    public async Task Listing_filters_by_kind()
    {
        await AddEventAsync("Strike one", Now.AddDays(1), EventKind.Strike);
        await AddEventAsync("March one", Now.AddDays(2), EventKind.March);
        await AddEventAsync("Strike two", Now.AddDays(3), EventKind.Strike);
        await AddEventAsync("Old strike", Now.AddDays(-3), EventKind.Strike);

        var upcoming = await Store.ListEventsAsync(new EventQuery(Now, EventKind.Strike), Ct);
        var all = await Store.ListEventsAsync(new EventQuery(Now, EventKind.Strike, IncludePast: true), Ct);

        Assert.Equal(["Strike one", "Strike two"], Titles(upcoming));
        Assert.Equal(["Old strike", "Strike one", "Strike two"], Titles(all));
        Assert.Empty(await Store.ListEventsAsync(new EventQuery(Now, EventKind.Online, IncludePast: true), Ct));
    }

    [Fact]
    public async Task Listing_with_past_included_returns_past_and_cancelled_events_in_start_order()
    {
        await AddEventAsync("Next week", Now.AddDays(7));
        await AddEventAsync("Last week", Now.AddDays(-7));
        var cancelled = await AddEventAsync("Cancelled tomorrow", Now.AddDays(1));
        await Store.UpdateEventAsync(cancelled with { Status = EventStatus.Cancelled, CancelReason = "Rain" }, Ct);

        var events = await Store.ListEventsAsync(new EventQuery(Now, IncludePast: true), Ct);

        Assert.Equal(["Last week", "Cancelled tomorrow", "Next week"], Titles(events));
    }

    [Fact]
    public async Task Listing_stops_at_the_limit()
    {
        for (var day = 5; day >= 1; day--)
        {
            await AddEventAsync($"Day {day}", Now.AddDays(day));
        }

        var events = await Store.ListEventsAsync(new EventQuery(Now, Limit: 3), Ct);

        Assert.Equal(["Day 1", "Day 2", "Day 3"], Titles(events));
    }

    [Fact]
    public async Task Events_starting_together_list_in_creation_order()
    {
        await AddEventAsync("First", Now.AddHours(1));
        await AddEventAsync("Second", Now.AddHours(1));

        Assert.Equal(["First", "Second"], Titles(await Store.ListEventsAsync(new EventQuery(Now), Ct)));
    }

    [Fact]
    public async Task Title_prefix_search_ignores_case()
    {
        await AddEventAsync("STRIKE at dawn", Now.AddDays(2));
        await AddEventAsync("strike day", Now.AddDays(1));
        await AddEventAsync("Big strike", Now.AddDays(3));

        var matches = await Store.FindEventsByTitlePrefixAsync("Strike", 10, Ct);

        Assert.Equal(["strike day", "STRIKE at dawn"], Titles(matches));
    }

    [Fact]
    public async Task Title_prefix_search_ignores_case_beyond_ascii()
    {
        await AddEventAsync("École en grève", Now.AddDays(1));
        await AddEventAsync("ΣΥΝΑΝΤΗΣΗ γιατρών", Now.AddDays(2));

        Assert.Equal(["École en grève"], Titles(await Store.FindEventsByTitlePrefixAsync("éCOLE", 10, Ct)));
        Assert.Equal(["ΣΥΝΑΝΤΗΣΗ γιατρών"], Titles(await Store.FindEventsByTitlePrefixAsync("Συναντηση", 10, Ct)));
    }

    [Theory]
    [InlineData("100%", "100% walkout")]
    [InlineData("a_b", "a_b rally")]
    [InlineData(@"C:\", @"C:\ drive vigil")]
    [InlineData("%", "%rally")]
    public async Task Title_prefix_search_treats_like_wildcards_literally(string prefix, string onlyMatch)
    {
        foreach (var title in new[] { "100% walkout", "1000 walkout", "a_b rally", "axb rally", @"C:\ drive vigil", "C:x drive vigil", "%rally", "rally" })
        {
            await AddEventAsync(title, Now.AddDays(1));
        }

        var matches = await Store.FindEventsByTitlePrefixAsync(prefix, 10, Ct);

        Assert.Equal([onlyMatch], Titles(matches));
    }

    [Fact]
    public async Task Title_prefix_search_includes_past_and_cancelled_events_soonest_first_up_to_the_limit()
    {
        await AddEventAsync("Walkout 3", Now.AddDays(3));
        await AddEventAsync("Walkout 1", Now.AddDays(-1));
        var cancelled = await AddEventAsync("Walkout 2", Now.AddDays(2));
        await Store.UpdateEventAsync(cancelled with { Status = EventStatus.Cancelled }, Ct);
        await AddEventAsync("Walkout 4", Now.AddDays(4));

        var matches = await Store.FindEventsByTitlePrefixAsync("walkout", 3, Ct);

        Assert.Equal(["Walkout 1", "Walkout 2", "Walkout 3"], Titles(matches));
    }

    [Fact]
    public async Task Title_prefix_search_with_no_match_is_empty()
    {
        await AddEventAsync("March", Now.AddDays(1));

        Assert.Empty(await Store.FindEventsByTitlePrefixAsync("Rally", 10, Ct));
    }
}
