using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Tests;

public sealed class RsvpCommandTests : IAsyncLifetime
{
    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await CommandHarness.CreateAsync();
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2026-12-05 12:00\"");
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Rsvp_counts_each_person_once_with_their_latest_answer()
    {
        var mastodonSam = new Person(Platform.Mastodon, "200", "sam@example.social");

        await _bot.OkAsync("rsvp 1 going", CommandHarness.Supporter);
        await _bot.OkAsync("rsvp 1 maybe", mastodonSam);
        var changed = await _bot.OkAsync("rsvp 1 not-going", CommandHarness.Supporter);

        Assert.Contains("You're not going to #1 Save our NHS (was going)", changed, StringComparison.Ordinal);
        Assert.Contains("RSVPs: 0 going · 1 maybe · 1 not going", await _bot.OkAsync("event info 1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rsvp_replies_are_private()
    {
        var result = await _bot.RunAsync("rsvp \"Save our\" answer:going", CommandHarness.Supporter);

        Assert.True(result.Value.Private);
    }

    [Fact]
    public async Task Rsvp_to_a_cancelled_or_started_event_is_refused()
    {
        await _bot.OkAsync("event create kind:rally title:Rally when:\"in 1h\"");
        await _bot.OkAsync("event cancel 1");

        var cancelled = await _bot.FailsAsync("rsvp 1 going");
        _bot.Clock.Advance(TimeSpan.FromHours(2));
        var started = await _bot.FailsAsync("rsvp 2 going");

        Assert.Equal("#1 Save our NHS is cancelled, so it takes no RSVPs.", cancelled.Message);
        Assert.Equal(ErrorKind.Conflict, started.Kind);
        Assert.Contains("already started", started.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rsvp_with_a_wrong_answer_lists_the_choices() =>
        Assert.Contains("one of going, maybe, not-going", (await _bot.FailsAsync("rsvp 1 perhaps-not")).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Remind_stores_a_personal_reminder_due_before_the_start()
    {
        var reply = await _bot.OkAsync("remind 1 before:2h", CommandHarness.Supporter);

        Assert.Contains("I'll remind you 2h before it starts: Sat 05 Dec 2026 10:00 Europe/London", reply, StringComparison.Ordinal);
        var reminder = Assert.Single(await _bot.Store.ListPersonalRemindersAsync(CommandHarness.Supporter, TestContext.Current.CancellationToken));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), reminder.Due);
        Assert.Equal(TimeSpan.FromHours(2), reminder.Before);
    }

    [Fact]
    public async Task Remind_defaults_to_an_hour_and_does_not_duplicate()
    {
        await _bot.OkAsync("remind 1", CommandHarness.Supporter);
        await _bot.OkAsync("remind 1 before:1h", CommandHarness.Supporter);

        var reminder = Assert.Single(await _bot.Store.ListPersonalRemindersAsync(CommandHarness.Supporter, TestContext.Current.CancellationToken));
        Assert.Equal(TimeSpan.FromHours(1), reminder.Before);
    }

    [Fact]
    public async Task Remind_refuses_times_already_past_and_unreadable_offsets()
    {
        Assert.Contains("has already passed", (await _bot.FailsAsync("remind 1 before:30d")).Message, StringComparison.Ordinal);
        Assert.Contains("e.g. 30m, 2h or 1d", (await _bot.FailsAsync("remind 1 before:soonish")).Hint, StringComparison.Ordinal);
        Assert.Empty(await _bot.Store.ListPersonalRemindersAsync(CommandHarness.Organiser, TestContext.Current.CancellationToken));
    }
}
