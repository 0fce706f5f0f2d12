using CampaignBot.Core.Results;

namespace CampaignBot.Core.Tests;

public sealed class ReplyTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 4, 11, 0, 0, TimeSpan.Zero);

    private readonly TimeProvider _clock = new FixedClock(Start.AddHours(-2));

    private static Reply Reminder() => new ReplyBuilder("Reminder: March starts in 2 hours")
        .Line("March · ", new TimeFragment(Start, "Europe/London", Relative: true))
        .Line("Where: Parliament Square  ")
        .Build();

    [Fact]
    public void A_reply_reads_as_its_title_and_lines_with_times_in_their_zone_and_no_trailing_space()
    {
        Assert.Equal(
            $"Reminder: March starts in 2 hours{Environment.NewLine}March · Sat 04 Jul 2026 12:00 Europe/London (UTC+01:00) (in 2 hours){Environment.NewLine}Where: Parliament Square",
            ReplyText.Render(Reminder(), _clock));
    }

    [Fact]
    public void A_prefix_comes_before_the_reply_in_the_same_text()
    {
        Assert.Equal($"[shell:terminal] {ReplyText.Render(Reminder(), _clock)}", ReplyText.Render(Reminder(), _clock, "[shell:terminal] "));
    }

    [Fact]
    public void A_reply_longer_than_the_reused_buffer_renders_whole_and_the_next_one_is_not_affected()
    {
        var longLine = new string('x', 10_000);
        var big = new ReplyBuilder("Big").Line(longLine).Build();

        Assert.Equal($"Big{Environment.NewLine}{longLine}", ReplyText.Render(big, _clock));
        Assert.Equal(ReplyText.Render(Reminder(), _clock), ReplyText.Render(Reminder(), _clock));
        Assert.DoesNotContain("x", ReplyText.Render(Reminder(), _clock), StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
