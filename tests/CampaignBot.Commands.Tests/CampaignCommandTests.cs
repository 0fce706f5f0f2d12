using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

using CampaignBot.Testing.Delivery;

namespace CampaignBot.Commands.Tests;

/// <summary>Hashtags, subscriptions, announcements, boost, settings, status and help.</summary>
public sealed class CampaignCommandTests : IAsyncLifetime
{
    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await CommandHarness.CreateAsync();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Hashtags_are_configured_plus_tracked_minus_untracked()
    {
        await _bot.OkAsync("hashtag track #JuniorDoctorContracts");
        await _bot.OkAsync("hashtag untrack imInWorkJeremy");

        var list = await _bot.OkAsync("hashtag list");

        Assert.Contains("#NotSafeNotFair", list, StringComparison.Ordinal);
        Assert.Contains("#JuniorDoctorContracts (added)", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ImInWorkJeremy", list, StringComparison.Ordinal);
        Assert.Contains("already tracked", await _bot.OkAsync("hashtag track notsafenotfair"), StringComparison.Ordinal);
        Assert.Equal(ErrorKind.NotFound, (await _bot.FailsAsync("hashtag untrack NeverTracked")).Kind);
        Assert.Contains("isn't a hashtag", (await _bot.FailsAsync("hashtag track \"two words\"")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashtag_stats_show_total_busiest_hour_trend_and_a_daily_sparkline()
    {
        var now = CommandHarness.Start;
        var mentions = new List<HashtagMention>();
        for (var day = 0; day < 14; day++)
        {
            // The last 7 days: 1, 2, …, 7 posts a day (28 in all); the 7 before: 2 a day (14).
            var posts = day < 7 ? 2 : day - 6;
            for (var i = 0; i < posts; i++)
            {
                mentions.Add(new("NotSafeNotFair", $"https://x.example/{day}/{i}", Platform.Mastodon, now.AddDays(day - 13).AddHours(-2).AddMinutes(i)));
            }
        }

        mentions.Add(new("NotSafeNotFair", "https://x.example/13/0", Platform.Mastodon, now.AddHours(-2)));
        await _bot.Mentions.RecordAsync(mentions, TestContext.Current.CancellationToken);

        var stats = await _bot.OkAsync("hashtag stats #notsafenotfair");

        Assert.Contains("#NotSafeNotFair — last 7 days", stats, StringComparison.Ordinal);
        Assert.Contains("28 mentions", stats, StringComparison.Ordinal);
        Assert.Contains("Busiest hour: Tue 24 Nov 2026 08:00 Europe/London (UTC+00:00) (7)", stats, StringComparison.Ordinal);
        Assert.Contains("Trend: ▲ 100% vs the previous 7 days (14)", stats, StringComparison.Ordinal);
        Assert.Contains("Per day: ▂▃▄▅▆▇█  (Wed 18 Nov → Tue 24 Nov)", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashtag_stats_without_counts_say_so_and_untracked_tags_are_refused()
    {
        Assert.Contains("No mentions recorded yet", await _bot.OkAsync("hashtag stats NotSafeNotFair days:30"), StringComparison.Ordinal);
        Assert.Equal(ErrorKind.NotFound, (await _bot.FailsAsync("hashtag stats Unknown")).Kind);
    }

    [Fact]
    public async Task Subscribe_and_unsubscribe_manage_the_current_channel()
    {
        var reply = await _bot.OkAsync("subscribe kinds:march,strike");

        Assert.StartsWith("#actions now gets reminders", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("discord:", reply, StringComparison.Ordinal);
        var subscription = Assert.Single(await _bot.Store.ListSubscriptionsAsync(TestContext.Current.CancellationToken));
        Assert.Equal([EventKind.March, EventKind.Strike], subscription.Kinds);

        await _bot.OkAsync("subscribe");
        Assert.Equal(EventKinds.All, Assert.Single(await _bot.Store.ListSubscriptionsAsync(TestContext.Current.CancellationToken)).Kinds);

        await _bot.OkAsync("unsubscribe");
        Assert.Empty(await _bot.Store.ListSubscriptionsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ErrorKind.NotFound, (await _bot.FailsAsync("unsubscribe")).Kind);
        Assert.Contains("isn't a kind", (await _bot.FailsAsync("subscribe kinds:parade")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announce_reaches_every_subscribed_channel_and_reports_failures()
    {
        await _bot.OkAsync("subscribe kinds:march");
        await _bot.OkAsync("subscribe kinds:strike", channel: new Destination(Platform.Discord, "chan-2", "#strikes"));
        _bot.Sender.Unreachable.Add("chan-2");

        var reply = await _bot.OkAsync("announce The strike is ON. See you on the picket lines at 8!");

        Assert.Contains("Announced to 1 channel; failed for discord:#strikes (Missing Access).", reply, StringComparison.Ordinal);
        var sent = Assert.Single(_bot.Sender.Sent);
        Assert.Contains("The strike is ON. See you on the picket lines at 8!", sent.Content.ToPlainText(_bot.Clock), StringComparison.Ordinal);
        Assert.EndsWith(":Discord:chan-1", sent.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announce_without_subscribers_says_how_to_add_one() =>
        Assert.Contains("subscribe", (await _bot.FailsAsync("announce hello")).Hint, StringComparison.Ordinal);

    [Fact]
    public async Task Boost_pause_and_resume_are_stored()
    {
        Assert.Contains("paused", await _bot.OkAsync("boost pause"), StringComparison.Ordinal);
        Assert.Equal("true", await _bot.Store.GetSettingAsync(SettingKeys.BoostPaused, TestContext.Current.CancellationToken));
        Assert.Contains("already paused", await _bot.OkAsync("boost pause"), StringComparison.Ordinal);
        Assert.Contains("State: paused", await _bot.OkAsync("boost status"), StringComparison.Ordinal);
        await _bot.OkAsync("boost resume");
        Assert.Contains("State: on", await _bot.OkAsync("boost status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_timezone_validates_and_stores_the_zone()
    {
        Assert.Contains("Campaign time zone is now America/Chicago (was Europe/London)", await _bot.OkAsync("settings timezone america/chicago"), StringComparison.Ordinal);
        Assert.Equal("America/Chicago", await _bot.Store.GetSettingAsync(SettingKeys.TimeZone, TestContext.Current.CancellationToken));
        Assert.Contains("Unknown time zone", (await _bot.FailsAsync("settings timezone Narnia/Cair_Paravel")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_counts_events_rsvps_reminders_and_channels()
    {
        await _bot.OkAsync("event create kind:march title:March when:\"in 3d\"");
        await _bot.OkAsync("event create kind:rally title:Rally when:\"in 4d\"");
        await _bot.OkAsync("event cancel Rally");
        await _bot.OkAsync("rsvp March going", CommandHarness.Supporter);
        await _bot.OkAsync("remind March before:1d", CommandHarness.Supporter);
        await _bot.OkAsync("subscribe");

        var status = await _bot.OkAsync("status", CommandHarness.Supporter, organiser: false);

        Assert.Contains("Test campaign — status", status, StringComparison.Ordinal);
        Assert.Contains("Events: 1 upcoming, 0 past, 1 cancelled · 1 RSVPs", status, StringComparison.Ordinal);
        Assert.Contains("Personal reminders: 1 · subscribed channels: 1", status, StringComparison.Ordinal);
        Assert.Contains("Hashtags: #NotSafeNotFair #ImInWorkJeremy", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_and_explains_one()
    {
        var overview = await _bot.OkAsync("help", organiser: false);
        var detail = await _bot.OkAsync("help event create");
        var group = await _bot.OkAsync("help hashtag");

        Assert.Contains("announce* — Post an announcement", overview, StringComparison.Ordinal);
        Assert.Contains("rsvp — Say whether you're coming", overview, StringComparison.Ordinal);
        Assert.Contains("Usage: event create kind:<march|strike|rally|picket|online|meeting> title when [duration] [location]", detail, StringComparison.Ordinal);
        Assert.Contains("title (required): Short title — up to 100 characters", detail, StringComparison.Ordinal);
        Assert.Contains("Organisers only.", detail, StringComparison.Ordinal);
        Assert.Contains("hashtag stats tag [days]", group, StringComparison.Ordinal);
        Assert.Contains("Did you mean rsvp?", (await _bot.FailsAsync("help rsvpp")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("event create kind:march title:X when:\"in 2h\"")]
    [InlineData("event edit 1 title:X")]
    [InlineData("event cancel 1")]
    [InlineData("hashtag track Foo")]
    [InlineData("hashtag untrack NotSafeNotFair")]
    [InlineData("subscribe")]
    [InlineData("unsubscribe")]
    [InlineData("announce Hi")]
    [InlineData("boost pause")]
    [InlineData("settings timezone Europe/Paris")]
    public async Task Organiser_commands_are_refused_for_supporters_before_anything_else(string line)
    {
        var error = await _bot.FailsAsync(line, CommandHarness.Supporter, organiser: false);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.StartsWith("Only organisers can use", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _bot.Store.ListEventsAsync(new EventQuery(CommandHarness.Start, IncludePast: true), TestContext.Current.CancellationToken));
        Assert.Empty(await _bot.Store.ListHashtagChangesAsync(TestContext.Current.CancellationToken));
        Assert.Null(await _bot.Store.GetSettingAsync(SettingKeys.TimeZone, TestContext.Current.CancellationToken));
    }
}
