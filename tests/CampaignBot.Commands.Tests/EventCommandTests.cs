using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

using CampaignBot.Testing.Delivery;

namespace CampaignBot.Commands.Tests;

public sealed class EventCommandTests : IAsyncLifetime
{
    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await CommandHarness.CreateAsync();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Create_stores_the_event_and_echoes_id_title_and_start_in_its_zone()
    {
        var reply = await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2026-12-05 12:00\" location:\"Parliament Square\" hashtags:#NotSafeNotFair,LoveYourNHS link:https://example.org/march");

        Assert.Contains("Created #1 Save our NHS", reply, StringComparison.Ordinal);
        Assert.Contains("Sat 05 Dec 2026 12:00 Europe/London (UTC+00:00) (in 11 days)", reply, StringComparison.Ordinal);
        Assert.Contains("Reminders: 7d before, 1d before, 2h before, at the start", reply, StringComparison.Ordinal);

        var stored = await _bot.Store.GetEventAsync(1, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(EventKind.March, stored.Kind);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero), stored.Start);
        Assert.Equal("Europe/London", stored.TimeZoneId);
        Assert.Equal(["NotSafeNotFair", "LoveYourNHS"], stored.Hashtags);
        Assert.Equal("https://example.org/march", stored.Link);
        Assert.Equal(CommandHarness.Organiser, stored.CreatedBy);
    }

    [Fact]
    public async Task Create_reads_when_in_the_given_timezone_and_notes_reminders_already_past()
    {
        var reply = await _bot.OkAsync("event create kind:online title:\"Twitter storm\" when:\"2026-11-25 19:00\" timezone:America/New_York reminders:7d,1h,0");

        Assert.Contains("Wed 25 Nov 2026 19:00 America/New_York (UTC-05:00)", reply, StringComparison.Ordinal);
        Assert.Contains("7d before (passed), 1h before, at the start", reply, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), (await _bot.Store.GetEventAsync(1, TestContext.Current.CancellationToken))!.Start);
    }

    [Fact]
    public async Task Create_uses_the_campaign_zone_set_by_settings()
    {
        await _bot.OkAsync("settings timezone Europe/Dublin");
        await _bot.OkAsync("event create kind:rally title:Dublin when:\"2027-06-05 12:00\"");

        Assert.Equal("Europe/Dublin", (await _bot.Store.GetEventAsync(1, TestContext.Current.CancellationToken))!.TimeZoneId);
    }

    [Theory]
    [InlineData("when:\"2020-01-01 12:00\"", "That time is in the past")]
    [InlineData("when:\"2025-13-45 99:99\"", "Couldn't read the time")]
    [InlineData("when:\"in 2h\" timezone:Mars/Olympus", "Unknown time zone")]
    [InlineData("when:\"in 2h\" reminders:soon", "Couldn't read the reminder offset")]
    [InlineData("when:\"in 2h\" link:ftp://x", "isn't a web link")]
    [InlineData("when:\"in 2h\" hashtags:\"not ok!\"", "isn't a hashtag")]
    public async Task Create_refuses_bad_values_and_stores_nothing(string options, string message)
    {
        var error = await _bot.FailsAsync($"event create kind:march title:Test {options}");

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _bot.Store.ListEventsAsync(new EventQuery(CommandHarness.Start, IncludePast: true), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task List_shows_upcoming_events_soonest_first_with_going_counts()
    {
        await _bot.OkAsync("event create kind:strike title:\"Strike day\" when:\"2026-12-09 08:00\"");
        await _bot.OkAsync("event create kind:march title:\"Big march\" when:\"2026-12-05 12:00\"");
        await _bot.OkAsync("rsvp 1 going", CommandHarness.Supporter);

        var reply = await _bot.OkAsync("event list");

        Assert.True(reply.IndexOf("Big march", StringComparison.Ordinal) < reply.IndexOf("Strike day", StringComparison.Ordinal));
        Assert.Contains("#1 · strike · Wed 09 Dec 2026 08:00 Europe/London (UTC+00:00) · Strike day · 1 going", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Big march", await _bot.OkAsync("event list kind:strike"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_hides_past_and_cancelled_events_unless_asked()
    {
        await _bot.OkAsync("event create kind:rally title:Soon when:\"in 1h\"");
        await _bot.OkAsync("event create kind:rally title:Later when:\"in 2d\"");
        await _bot.OkAsync("event cancel Later");
        _bot.Clock.Advance(TimeSpan.FromHours(4)); // past Soon's end: a rally lasts 2h by default

        Assert.Contains("No upcoming actions", await _bot.OkAsync("event list"), StringComparison.Ordinal);
        var all = await _bot.OkAsync("event list include-past:true");
        Assert.Contains("Soon", all, StringComparison.Ordinal);
        Assert.Contains("Later", all, StringComparison.Ordinal);
        Assert.Contains("CANCELLED", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_finds_events_by_id_or_title_prefix()
    {
        await _bot.OkAsync("event create kind:picket title:\"Picket at St Thomas'\" when:\"tomorrow 07:00\" location:\"Westminster Bridge Rd\" description:\"Bring flasks\"");

        var byId = await _bot.OkAsync("event info #1");
        var byPrefix = await _bot.OkAsync("event info picket at");

        Assert.Equal(byId, byPrefix);
        Assert.Contains("Where: Westminster Bridge Rd", byId, StringComparison.Ordinal);
        Assert.Contains("About: Bring flasks", byId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ambiguous_prefixes_list_the_candidates_and_unknown_ids_are_named()
    {
        await _bot.OkAsync("event create kind:march title:\"Save our NHS march\" when:\"in 3d\"");
        await _bot.OkAsync("event create kind:rally title:\"Save our NHS rally\" when:\"in 4d\"");

        var ambiguous = await _bot.FailsAsync("event info save");
        Assert.Contains("matches 2 events: #1 Save our NHS march", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal("There is no event #42.", (await _bot.FailsAsync("event info 42")).Message);
        Assert.Contains("No event's title starts with", (await _bot.FailsAsync("event info Zzz")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_changes_only_what_is_given_and_says_what_changed()
    {
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2026-12-05 12:00\" location:\"Parliament Square\" description:Old");

        var reply = await _bot.OkAsync("event edit 1 when:\"2026-12-05 13:30\" description:none");

        Assert.Contains("Changed: when, description", reply, StringComparison.Ordinal);
        var edited = (await _bot.Store.GetEventAsync(1, TestContext.Current.CancellationToken))!;
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 13, 30, 0, TimeSpan.Zero), edited.Start);
        Assert.Null(edited.Description);
        Assert.Equal("Parliament Square", edited.Location);
        Assert.Equal("Save our NHS", edited.Title);
    }

    [Fact]
    public async Task Edit_with_nothing_to_change_or_on_a_cancelled_event_is_refused()
    {
        await _bot.OkAsync("event create kind:march title:March when:\"in 3d\"");

        Assert.Equal("Nothing to change.", (await _bot.FailsAsync("event edit 1")).Message);
        await _bot.OkAsync("event cancel 1");
        Assert.Equal(ErrorKind.Conflict, (await _bot.FailsAsync("event edit 1 title:New")).Kind);
    }

    [Fact]
    public async Task Cancel_marks_the_event_and_tells_channels_subscribed_to_its_kind()
    {
        await _bot.OkAsync("subscribe kinds:march", channel: CommandHarness.Channel);
        await _bot.OkAsync("subscribe kinds:strike", channel: new Destination(Platform.Discord, "chan-2", "#strikes"));
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"in 3d\"");

        var reply = await _bot.OkAsync("event cancel 1 reason:Talks resumed");

        Assert.Contains("Told 1 subscribed channel.", reply, StringComparison.Ordinal);
        var notice = Assert.Single(_bot.Sender.Sent);
        Assert.Equal("chan-1", notice.Destination.Id);
        Assert.Contains("Reason: Talks resumed", notice.Content.ToPlainText(_bot.Clock), StringComparison.Ordinal);
        var cancelled = (await _bot.Store.GetEventAsync(1, TestContext.Current.CancellationToken))!;
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
        Assert.Equal("Talks resumed", cancelled.CancelReason);
        Assert.Equal(ErrorKind.Conflict, (await _bot.FailsAsync("event cancel 1")).Kind);
    }
}
