namespace CampaignBot.Commands.Tests;

public sealed class CompletionTests : IAsyncLifetime
{
    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await CommandHarness.CreateAsync();
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"2026-12-05 12:00\"");
        await _bot.OkAsync("event create kind:strike title:\"Strike day\" when:\"2026-12-09 08:00\"");
        await _bot.OkAsync("event create kind:rally title:Gone when:\"in 1h\"");
        await _bot.OkAsync("event cancel Gone");
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Events_complete_by_title_or_id_upcoming_only()
    {
        var byTitle = await _bot.Router.CompleteAsync(["rsvp"], "event", "nhs", 25, TestContext.Current.CancellationToken);
        var all = await _bot.Router.CompleteAsync(["event", "info"], "event", "", 25, TestContext.Current.CancellationToken);

        var only = Assert.Single(byTitle);
        Assert.Equal("#1 Save our NHS · Sat 05 Dec 12:00", only.Name);
        Assert.Equal("1", only.Value);
        Assert.Equal(["1", "2"], all.Select(c => c.Value));
    }

    [Fact]
    public async Task Zones_and_hashtags_complete_and_other_options_do_not()
    {
        Assert.Contains("Europe/London", (await _bot.Router.CompleteAsync(["settings", "timezone"], "zone", "lond", 25, TestContext.Current.CancellationToken)).Select(c => c.Value));
        Assert.Equal(["NotSafeNotFair"], (await _bot.Router.CompleteAsync(["hashtag", "stats"], "tag", "#safe", 25, TestContext.Current.CancellationToken)).Select(c => c.Value));
        Assert.Empty(await _bot.Router.CompleteAsync(["event", "create"], "title", "S", 25, TestContext.Current.CancellationToken));
    }
}
