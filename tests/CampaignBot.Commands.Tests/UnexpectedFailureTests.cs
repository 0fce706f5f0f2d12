using CampaignBot.Core.Invocation;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Tests;

public sealed class UnexpectedFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_command_that_fails_unexpectedly_gets_one_plain_error_without_details()
    {
        await using var bot = await CommandHarness.CreateAsync();
        await bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"tomorrow 12:00\"");
        // A broken database is a fault of the bot, not of the person typing.
        await using (var drop = bot.DataSource.CreateCommand("DROP TABLE rsvps"))
        {
            await drop.ExecuteNonQueryAsync(Ct);
        }

        var typed = await bot.FailsAsync("event info 1");
        var invoked = await bot.Router.HandleAsync(new CommandInvocation(["event", "info"], new Dictionary<string, string> { ["event"] = "1" }, new CommandContext(CommandHarness.Organiser, CommandHarness.Channel, true)), Ct);

        foreach (var error in new[] { typed, invoked.Error! })
        {
            Assert.Equal(ErrorKind.Unavailable, error.Kind);
            Assert.Equal("Something went wrong running event info; it has been logged for the organisers. Try again in a moment.", error.ToString());
        }
    }

    [Fact]
    public async Task Suggestions_that_fail_unexpectedly_are_none_rather_than_an_exception()
    {
        await using var bot = await CommandHarness.CreateAsync();
        await bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"tomorrow 12:00\"");
        Assert.NotEmpty(await bot.Router.CompleteAsync(["event", "info"], "event", "save", 25, Ct));
        await using (var rename = bot.DataSource.CreateCommand("ALTER TABLE events RENAME TO events_gone"))
        {
            await rename.ExecuteNonQueryAsync(Ct);
        }

        Assert.Empty(await bot.Router.CompleteAsync(["event", "info"], "event", "save", 25, Ct));
    }
}
