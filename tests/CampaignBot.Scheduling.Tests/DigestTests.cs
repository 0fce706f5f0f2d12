using CampaignBot.Core.Domain;
using CampaignBot.Scheduling.Digest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Scheduling.Tests;

public sealed class DigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DigestJob Job(DispatcherHarness bot, string at = "18:00") => new(
        bot.Store,
        new DigestComposer(bot.Store, bot.Mentions, bot.State),
        bot.Deliverer,
        Options.Create(new SchedulingOptions { DigestTime = at }),
        bot.State,
        bot.Clock,
        NullLogger<DigestJob>.Instance);

    [Fact]
    public async Task A_digest_time_of_off_sends_no_digest()
    {
        await using var bot = await DispatcherHarness.CreateAsync();
        await bot.SubscribeAsync("general");
        var job = Job(bot, at: "off");

        bot.Clock.SetUtcNow(DispatcherHarness.Start.AddHours(12));
        var sent = await job.SendIfDueAsync(Ct);

        Assert.False(sent);
        Assert.Empty(bot.Sender.Attempts);
    }

    [Fact]
    public async Task The_digest_goes_once_a_day_after_its_local_time_with_momentum_and_next_actions()
    {
        await using var bot = await DispatcherHarness.CreateAsync();
        await bot.SubscribeAsync("general");
        await bot.AddEventAsync("Save our NHS", DispatcherHarness.Start.AddDays(4), offsets: []);
        await bot.Mentions.RecordAsync(
        [
            new("LoveYourNHS", "https://x.example/1", Platform.Mastodon, DispatcherHarness.Start.AddHours(1)),
            new("LoveYourNHS", "https://x.example/2", Platform.Mastodon, DispatcherHarness.Start.AddHours(2)),
            new("LoveYourNHS", "https://x.example/3", Platform.Mastodon, DispatcherHarness.Start.AddHours(-20)),
        ], Ct);
        var job = Job(bot);

        bot.Clock.SetUtcNow(DispatcherHarness.Start.AddHours(7).AddMinutes(59));
        var early = await job.SendIfDueAsync(Ct);
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        var onTime = await job.SendIfDueAsync(Ct);
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await job.SendIfDueAsync(Ct);

        Assert.False(early);
        Assert.True(onTime);
        Assert.False(again);
        var digest = Assert.Single(bot.Sender.Sent).Content.ToPlainText(bot.Clock);
        Assert.Contains("Daily digest — Test campaign, Tue 24 Nov 2026", digest, StringComparison.Ordinal);
        Assert.Contains("#LoveYourNHS: 2 (1) ▲", digest, StringComparison.Ordinal);
        Assert.Contains("#1 Save our NHS · Sat 28 Nov 2026 10:00 Europe/London", digest, StringComparison.Ordinal);

        bot.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await job.SendIfDueAsync(Ct));
        Assert.Equal(2, bot.Sender.Sent.Count);
    }

    [Fact]
    public async Task In_summer_the_digest_follows_the_campaign_clock_not_utc()
    {
        await using var bot = await DispatcherHarness.CreateAsync(now: new DateTimeOffset(2027, 6, 1, 16, 59, 0, TimeSpan.Zero));
        await bot.SubscribeAsync("general");
        var job = Job(bot);

        var before = await job.SendIfDueAsync(Ct);
        bot.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(before);
        Assert.True(await job.SendIfDueAsync(Ct));
    }

    [Fact]
    public async Task A_new_bot_first_started_after_the_digest_time_waits_for_the_next_one()
    {
        await using var bot = await DispatcherHarness.CreateAsync(now: new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero));
        await bot.SubscribeAsync("general");
        var job = Job(bot);

        var atFirstStart = await job.SendIfDueAsync(Ct);
        bot.Clock.Advance(TimeSpan.FromHours(1));
        var laterThatEvening = await job.SendIfDueAsync(Ct);
        bot.Clock.Advance(TimeSpan.FromHours(21));
        var nextDay = await job.SendIfDueAsync(Ct);

        Assert.False(atFirstStart);
        Assert.False(laterThatEvening);
        Assert.True(nextDay);
        Assert.Single(bot.Sender.Sent);
    }
}
