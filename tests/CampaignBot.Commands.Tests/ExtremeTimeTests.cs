using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Tests;

/// <summary>
/// Extreme times and zones through every command that takes a time: <c>event create</c> (with reminder offsets),
/// <c>event edit</c> and <c>remind</c>. Each answers with a reply or a clear error, never an internal one, and every
/// event stored starts inside the representable range.
/// </summary>
public sealed class ExtremeTimeTests : IAsyncLifetime
{
    private static readonly string[] Zones = ["Pacific/Kiritimati", "Etc/GMT+12", "America/Los_Angeles", "Asia/Kathmandu", "Europe/London"];

    private static readonly string[] Whens =
    [
        "0001-01-01 00:00", "0001-01-01T00:00+14:00", "1899-12-31 23:59", "1900-01-01 00:00", "2999-12-31 23:59",
        "2999-12-31T23:59-12:00", "3000-01-01 00:00", "9999-12-31 23:59", "9999-12-31T23:59:59Z", "9999-12-31T23:59-14:00",
        "in 366d", "in 367d", "in 52w", "tomorrow 23:59", "99999-01-01 00:00",
    ];

    private static readonly string[] Befores = ["0", "1s", "1d", "7d", "52w", "366d", "367d", "999999d"];

    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await CommandHarness.CreateAsync();
        await _bot.OkAsync("event create kind:march title:Anchor when:\"in 3d\"");
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Extreme_times_and_zones_get_a_reply_or_a_clear_error_on_every_time_option()
    {
        foreach (var zone in Zones)
        {
            foreach (var when in Whens)
            {
                await AnsweredAsync($"event create kind:march title:\"Edge {when}\" when:\"{when}\" timezone:{zone} reminders:\"366d,7d,1d,0\"");
                await AnsweredAsync($"event edit 1 when:\"{when}\" timezone:{zone}");
            }
        }

        var events = await _bot.Store.ListEventsAsync(new EventQuery(CommandHarness.Start, IncludePast: true), TestContext.Current.CancellationToken);
        foreach (var e in events)
        {
            Assert.InRange(e.Start, TimeRange.Earliest, TimeRange.Latest);
            foreach (var before in Befores)
            {
                await AnsweredAsync($"remind {e.Id} before:{before}");
            }
        }

        Assert.Contains(events, e => e.Title.StartsWith("Edge 2999-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_far_ends_of_the_calendar_are_refused_as_too_far()
    {
        var future = await _bot.FailsAsync("event create kind:march title:Far when:\"9999-12-31 23:00\" timezone:America/Los_Angeles");
        var past = await _bot.FailsAsync("event create kind:march title:Far when:\"0001-01-01 00:30\" timezone:Pacific/Kiritimati");

        Assert.Contains("too far in the future", future.Message, StringComparison.Ordinal);
        Assert.Contains("too far in the past", past.Message, StringComparison.Ordinal);
    }

    private async Task AnsweredAsync(string line)
    {
        var result = await _bot.RunAsync(line);
        if (!result.IsSuccess)
        {
            Assert.NotEqual(ErrorKind.Unavailable, result.Error.Kind);
            Assert.DoesNotContain("went wrong", result.Error.Message, StringComparison.Ordinal);
        }
    }
}
