using CampaignBot.Mastodon.Mentions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Mastodon.Tests;

/// <summary>One account's mentions can't spend the posting budget every other answer and reminder needs.</summary>
public sealed class MentionAllowanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mentions_past_an_accounts_hourly_allowance_go_unanswered_while_organisers_and_others_are_answered()
    {
        await using var bot = await MastodonHarness.CreateAsync(settings => settings["Mastodon:MentionsPerHour"] = "2");
        await bot.ListeningAsync();

        for (var i = 0; i < 4; i++)
        {
            bot.Server.Mention("spam@other.example", "event list");
            bot.Server.Mention("rosa", "event list");
        }

        await bot.Server.Posts.WaitForCountAsync(p => p.Text.StartsWith("@rosa", StringComparison.Ordinal), 4);
        bot.Server.Mention("carol@social.example", "event list");
        await bot.Server.Posts.WaitAsync(p => p.Text.StartsWith("@carol", StringComparison.Ordinal), what: "carol's answer");
        await Task.Delay(300, Ct);

        Assert.Equal(2, bot.Server.Posts.Items.Count(p => p.Text.StartsWith("@spam@other.example", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_allowance_is_per_account_counts_a_status_seen_twice_once_and_refuses_past_its_count_for_an_hour()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var allowance = new MentionAllowance(Options.Create(new MastodonOptions { MentionsPerHour = 2 }), clock);

        Assert.Equal(Allowance.Granted, allowance.Take("spam@other.example", "s1"));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(Allowance.Granted, allowance.Take("SPAM@other.example", "s2"));
        Assert.Equal(Allowance.Granted, allowance.Take("spam@other.example", "s1"));
        Assert.Equal(Allowance.RefusedFirst, allowance.Take("spam@other.example", "s3"));
        Assert.Equal(Allowance.Refused, allowance.Take("spam@other.example", "s4"));
        Assert.Equal(Allowance.Granted, allowance.Take("carol@social.example", "c1"));

        // The first command is an hour old: one more may run, then the second's hour holds the rest back.
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(Allowance.Granted, allowance.Take("spam@other.example", "s5"));
        Assert.Equal(Allowance.RefusedFirst, allowance.Take("spam@other.example", "s6"));
    }

    [Fact]
    public void No_limit_when_the_allowance_is_zero()
    {
        var allowance = new MentionAllowance(Options.Create(new MastodonOptions { MentionsPerHour = 0 }), TimeProvider.System);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(Allowance.Granted, allowance.Take("busy@other.example", Guid.NewGuid().ToString())));
    }
}
