using CampaignBot.Core.Domain;
using CampaignBot.Core.Specs;

namespace CampaignBot.Commands.Tests;

public sealed class EventEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await CommandHarness.CreateAsync();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    private async Task<CampaignEvent> StoredAsync(long id = 1) =>
        (await _bot.Store.GetEventAsync(id, TestContext.Current.CancellationToken))!;

    [Theory]
    [InlineData("march", 3)]
    [InlineData("strike", 24)]
    [InlineData("rally", 2)]
    [InlineData("picket", 4)]
    [InlineData("online", 1)]
    [InlineData("meeting", 1)]
    public async Task Create_without_an_end_gives_the_kind_its_default_length(string kind, int hours)
    {
        var reply = await _bot.OkAsync($"event create kind:{kind} title:Action when:\"2026-12-05 12:00\"");

        Assert.Equal(Noon.AddHours(hours), (await StoredAsync()).End);
        Assert.Contains($"Ends: {(Noon.AddHours(hours).Day == 5 ? "Sat 05" : "Sun 06")} Dec 2026", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void The_duration_help_names_every_default()
    {
        var description = CommandCatalog.Find("event create")!.Option("duration")!.Description;

        foreach (var kind in EventKinds.All.Where(kind => EventDurations.Default(kind) != TimeSpan.FromHours(1)))
        {
            Assert.Contains($"{EventKinds.Name(kind)} {CampaignBot.Core.Time.Durations.Format(EventDurations.Default(kind))}", description, StringComparison.Ordinal);
        }

        Assert.Contains("others 1h", description, StringComparison.Ordinal);
        Assert.InRange(description.Length, 1, 100);
    }

    [Fact]
    public async Task Create_takes_a_duration_or_an_end_time()
    {
        await _bot.OkAsync("event create kind:strike title:\"Two-day strike\" when:\"2026-12-05 12:00\" duration:2d");
        await _bot.OkAsync("event create kind:march title:March when:\"2026-12-05 12:00\" ends:\"2026-12-05 15:30\"");

        Assert.Equal(Noon.AddDays(2), (await StoredAsync(1)).End);
        Assert.Equal(Noon.AddHours(3.5), (await StoredAsync(2)).End);
        Assert.Contains("Ends: Sat 05 Dec 2026 15:30 Europe/London (UTC+00:00) (3h30m)", await _bot.OkAsync("event info 2"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duration:3h ends:\"2026-12-05 15:00\"", "duration or ends, not both")]
    [InlineData("duration:soon", "Couldn't read duration:soon")]
    [InlineData("duration:0", "Couldn't read duration:0")]
    [InlineData("ends:\"2026-12-05 11:00\"", "must be after the start")]
    [InlineData("ends:\"2026-12-05 12:00\"", "must be after the start")]
    [InlineData("duration:40d", "at most 31d")]
    [InlineData("ends:\"2027-03-01 12:00\"", "at most 31d")]
    [InlineData("ends:\"someday\"", "Couldn't read the time")]
    public async Task Create_refuses_an_end_that_makes_no_sense(string options, string message)
    {
        var error = await _bot.FailsAsync($"event create kind:march title:Test when:\"2026-12-05 12:00\" {options}");

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(await _bot.Store.GetEventAsync(1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Moving_the_start_keeps_the_length_unless_an_end_is_given()
    {
        await _bot.OkAsync("event create kind:march title:March when:\"2026-12-05 12:00\" duration:4h");

        var moved = await _bot.OkAsync("event edit 1 when:\"2026-12-05 14:00\"");
        Assert.Contains("Changed: when\n", moved, StringComparison.Ordinal);
        Assert.Equal(Noon.AddHours(6), (await StoredAsync()).End);

        await _bot.OkAsync("event edit 1 when:\"2026-12-05 13:00\" ends:\"2026-12-05 15:00\"");
        Assert.Equal(Noon.AddHours(3), (await StoredAsync()).End);

        await _bot.OkAsync("event edit 1 duration:90m");
        Assert.Equal(Noon.AddHours(2.5), (await StoredAsync()).End);
    }

    [Fact]
    public async Task Edit_refuses_an_end_before_the_start_and_keeps_the_event()
    {
        await _bot.OkAsync("event create kind:march title:March when:\"2026-12-05 12:00\"");

        Assert.Contains("must be after the start", (await _bot.FailsAsync("event edit 1 ends:\"2026-12-05 09:00\"")).Message, StringComparison.Ordinal);
        Assert.Equal(Noon.AddHours(3), (await StoredAsync()).End);
    }

    [Fact]
    public async Task List_shows_an_action_that_has_started_and_not_ended_as_happening_now()
    {
        await _bot.OkAsync("event create kind:march title:\"Long march\" when:\"in 1h\" duration:3h");
        await _bot.OkAsync("event create kind:rally title:Later when:\"in 1d\"");
        _bot.Clock.Advance(TimeSpan.FromHours(2));

        var list = await _bot.OkAsync("event list");
        Assert.Contains("#1 · march · HAPPENING NOW until Tue 24 Nov 2026 14:00", list, StringComparison.Ordinal);
        Assert.DoesNotContain("#2 · rally · HAPPENING", list, StringComparison.Ordinal);
        Assert.Contains("Happening now.", await _bot.OkAsync("event info 1"), StringComparison.Ordinal);

        _bot.Clock.Advance(TimeSpan.FromHours(3));
        Assert.DoesNotContain("Long march", await _bot.OkAsync("event list"), StringComparison.Ordinal);
    }
}
