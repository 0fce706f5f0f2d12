using System.Text.RegularExpressions;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Tests;

/// <summary>
/// The built bot against a fake that behaves like snac (<see cref="FakeMastodonBehaviour.Snac"/>): every mention is
/// answered once despite duplicate notifications and <c>mentions[]</c> without the bot, <c>help</c> arrives whole, and
/// a reminder whose answer is lost is posted once although the server ignores <c>Idempotency-Key</c>; nothing is
/// repeated after a restart.
/// </summary>
public sealed partial class SnacEndToEndTests : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private FakeMastodonServer? _snac;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_a_snac_like_server_every_mention_and_reminder_is_posted_exactly_once()
    {
        _snac = await FakeMastodonServer.StartAsync(quirky: true);
        var snac = _snac;
        snac.Behaviour = FakeMastodonBehaviour.Snac();
        string[] settings =
        [
            "--Campaign:SeedFile=",
            "--Shell:Enabled=false",
            "--Campaign:Hashtags:0=NotSafeNotFair",
            $"--Mastodon:InstanceUrl={snac.InstanceUrl}",
            $"--Mastodon:AccessToken={snac.Token}",
            "--Mastodon:Organisers:0=rosa",
        ];

        int parts;
        await using (var bot = BotProcess.Start(_database.Path, settings))
        {
            await WaitUntilAsync(() => snac.IsSubscribed("user"), "the user stream");

            snac.Mention("rosa", "subscribe");
            await snac.Posts.WaitAsync(p => p.Text.Contains("now gets reminders", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the subscribe reply");

            snac.Mention("bob@other.example", "help");
            var last = await snac.Posts.WaitAsync(p => LastPart().IsMatch(p.Text), TimeSpan.FromSeconds(15), "the last part of help");
            parts = int.Parse(LastPart().Match(last.Text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(parts > 1);

            // The answer to the create reply is lost: it must still be posted once.
            snac.Behaviour.LostPostAnswers = 1;
            snac.Mention("rosa", "event create kind:march title:\"Save our NHS\" when:\"in 8s\" reminders:3s");
            await snac.Posts.WaitAsync(p => p.Text.Contains("Created #1 Save our NHS", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the create reply");
            await WaitUntilAsync(() => snac.Behaviour.LostPostAnswers == 0, "the lost answer");

            // And so is the reminder's.
            snac.Behaviour.LostPostAnswers = 1;
            await snac.Posts.WaitAsync(p => p.InReplyToId is null && p.Text.Contains("Save our NHS", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the reminder");
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);

            bot.Interrupt();
            Assert.Equal(0, (await bot.WaitAsync()).ExitCode);
        }

        var postsBefore = snac.Posts.Items.Count;
        await using (var again = BotProcess.Start(_database.Path, settings))
        {
            await WaitUntilAsync(() => snac.IsSubscribed("user"), "the user stream after the restart");
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            again.Interrupt();
            Assert.Equal(0, (await again.WaitAsync()).ExitCode);
        }

        Assert.Equal(postsBefore, snac.Posts.Items.Count);
        Assert.Single(snac.Posts.Items, p => p.Text.Contains("now gets reminders", StringComparison.Ordinal));
        Assert.Single(snac.Posts.Items, p => p.Text.Contains("Created #1 Save our NHS", StringComparison.Ordinal));
        Assert.Equal(2, snac.RequestsTo("GET /api/v1/accounts/{id}/statuses").Count);
        Assert.Single(snac.Posts.Items, p => p.InReplyToId is null && p.Text.Contains("Save our NHS", StringComparison.Ordinal));
        Assert.Single(snac.Posts.Items, p => p.Text.EndsWith($"\n1/{parts}", StringComparison.Ordinal));
        snac.AssertNoViolations();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_snac is not null)
        {
            await _snac.DisposeAsync();
        }

        _database.Dispose();
    }

    [GeneratedRegex(@"\n(\d+)/\1$")]
    private static partial Regex LastPart();
}
