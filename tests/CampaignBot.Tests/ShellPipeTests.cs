namespace CampaignBot.Tests;

/// <summary>The shell adapter as a user drives it: the real bot process with commands piped in.</summary>
public sealed class ShellPipeTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Help_lists_the_commands_and_exits_zero_at_end_of_input()
    {
        var run = await BotProcess.PipeAsync(_database.Path, "/help\n/event list\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("event create* — Create a march, strike, rally or other action", run.Output, StringComparison.Ordinal);
        Assert.Contains("Upcoming actions", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_campaign_is_seeded_into_a_new_store()
    {
        var run = await BotProcess.PipeAsync(_database.Path, "event list\nhashtag list\nstatus\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("March for a safe contract", run.Output, StringComparison.Ordinal);
        Assert.Contains("Strike: emergency care only", run.Output, StringComparison.Ordinal);
        Assert.Contains("#ImInWorkJeremy", run.Output, StringComparison.Ordinal);
        Assert.Contains("Junior Doctors' Contract Campaign — status", run.Output, StringComparison.Ordinal);
        Assert.Contains("SQLite", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_list_rsvp_info_shows_the_rsvp_and_survives_a_restart()
    {
        const string Script = """
            event create kind:rally title:"Rally for the NHS" when:"2030-06-01 12:00" location:"Trafalgar Square"
            event list
            rsvp rally going
            event info rally
            """;

        var first = await BotProcess.PipeAsync(_database.Path, Script + "\n");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Created #3 Rally for the NHS", first.Output, StringComparison.Ordinal);
        Assert.Contains("Sat 01 Jun 2030 12:00 Europe/London (UTC+01:00)", first.Output, StringComparison.Ordinal);
        Assert.Contains("You're going to #3 Rally for the NHS", first.Output, StringComparison.Ordinal);
        Assert.Contains("RSVPs: 1 going · 0 maybe · 0 not going", first.Output, StringComparison.Ordinal);

        var second = await BotProcess.PipeAsync(_database.Path, "event info 3\nevent list\n");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("RSVPs: 1 going", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(second.Output, "Rally for the NHS · Trafalgar Square"));
    }

    [Fact]
    public async Task Bad_input_gets_errors_and_changes_nothing()
    {
        var garbage = string.Concat(Enumerable.Repeat("{\"x\":[1,2,'~'] ", 700));
        string[] lines =
        [
            "evnt list",
            "event create kind:march title:\"x\"",
            "event list colour:red",
            "event create kind:march title:\"unterminated when:in 2h",
            $"event create kind:march title:\"{new string('t', 101)}\" when:\"in 2h\"",
            "event create kind:march title:Past when:\"2020-01-01 12:00\"",
            "event create kind:march title:Bad when:\"2025-13-45 99:99\"",
            "event create kind:march title:Zoned when:\"in 2h\" timezone:Mars/Olympus",
            "event info 999",
            "rsvp 999 going",
            "event info Stri",
            "rsvp \"Strike support\" going",
            "",
            garbage,
        ];
        const string Setup = "event create kind:rally title:\"Strike support rally\" when:\"in 3d\"\nevent cancel 3\n";

        var run = await BotProcess.PipeAsync(_database.Path, Setup + string.Join('\n', lines) + "\nevent list include-past:true\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(lines.Length - 1, Occurrences(run.Output, "Error: "));
        Assert.Contains("Did you mean event?", run.Output, StringComparison.Ordinal);
        Assert.Contains("needs when", run.Output, StringComparison.Ordinal);
        Assert.Contains("never closed", run.Output, StringComparison.Ordinal);
        Assert.Contains("at most 100", run.Output, StringComparison.Ordinal);
        Assert.Contains("in the past", run.Output, StringComparison.Ordinal);
        Assert.Contains("Type YYYY-MM-DD HH:MM", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unknown time zone \"Mars/Olympus\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("There is no event #999", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"Stri\" matches 2 events", run.Output, StringComparison.Ordinal);
        Assert.Contains("is cancelled, so it takes no RSVPs", run.Output, StringComparison.Ordinal);

        // The two seeded events and the cancelled rally, untouched: no bad line created, changed or RSVPed.
        var listing = run.Output[run.Output.LastIndexOf("All actions", StringComparison.Ordinal)..];
        Assert.Equal(3, Occurrences(listing, " · 0 going"));
        Assert.Equal(1, Occurrences(listing, "CANCELLED"));
    }

    [Fact]
    public async Task Lines_with_bytes_that_are_not_utf8_are_refused_and_the_rest_still_run()
    {
        byte[] input =
        [
            .. "event create kind:march title:\"bad "u8, 0xFF, 0xFE, .. " bytes\" when:\"in 2d\"\n"u8,
            .. "event create kind:march title:\"lone "u8, 0xED, 0xA0, 0x80, .. " surrogate\" when:\"in 2d\"\n"u8,
            .. "event create kind:march title:\"overlong "u8, 0xC0, 0xAF, .. "\" when:\"in 2d\"\n"u8,
            .. "event create kind:march title:\"Café ✊ march\" when:\"in 2d\"\n"u8,
            .. "event list\n"u8,
        ];

        var run = await BotProcess.PipeAsync(_database.Path, input);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, Occurrences(run.Output, "Error: That line isn't UTF-8 text"));
        Assert.Contains("Created #3 Café ✊ march", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("#4", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_bot_promptly()
    {
        await using var bot = BotProcess.Start(_database.Path);
        await bot.WaitForLogAsync("Shell adapter ready", TimeSpan.FromSeconds(30));
        await bot.Input.WriteLineAsync("status");
        await bot.Input.FlushAsync(TestContext.Current.CancellationToken);
        var answered = DateTimeOffset.UtcNow.AddSeconds(15);
        while (!bot.Output.Contains("Reminders:", StringComparison.Ordinal) && DateTimeOffset.UtcNow < answered)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var started = DateTimeOffset.UtcNow;
        bot.Interrupt();
        var run = await bot.WaitAsync();

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10), "took longer than 10 s to stop");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("status", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_while_the_host_starts_stops_cleanly_with_nothing_logged_as_failed()
    {
        // The seed is the host's first part; the scheduler, the web surface and the adapters are still starting.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var database = new TempDatabase();
            await using var bot = BotProcess.Start(database.Path);
            await bot.WaitForLogAsync("Seeded 2 events", TimeSpan.FromSeconds(30));
            bot.Interrupt();
            var run = await bot.WaitAsync();

            Assert.Equal(0, run.ExitCode);
            Assert.False(run.Errors.Contains(" fail: ", StringComparison.Ordinal) || run.Errors.Contains(" crit: ", StringComparison.Ordinal), run.Errors);
            Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
        }
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
