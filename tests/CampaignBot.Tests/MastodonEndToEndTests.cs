using System.Text.RegularExpressions;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Tests;

/// <summary>
/// The built bot, pointed at the fake Mastodon through <c>Mastodon:InstanceUrl</c>: it answers mention commands in the
/// thread, posts the reminder once, boosts a tagged post by the rules, and repeats none of it after a restart; the
/// same holds against a fake that behaves like snac.
/// </summary>
public sealed partial class MastodonEndToEndTests : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private FakeMastodonServer? _mastodon;
    private int _replies;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mention_commands_reminders_and_boosts_happen_once_across_a_restart()
    {
        _mastodon = await FakeMastodonServer.StartAsync();
        var mastodon = _mastodon;
        string[] settings =
        [
            "--Campaign:SeedFile=",
            "--Shell:Enabled=false",
            "--Campaign:Hashtags:0=NotSafeNotFair",
            $"--Mastodon:InstanceUrl={mastodon.InstanceUrl}",
            $"--Mastodon:AccessToken={mastodon.Token}",
            "--Mastodon:Organisers:0=rosa",
        ];

        await using (var bot = BotProcess.Start(_database.Path, settings))
        {
            await WaitUntilAsync(() => mastodon.IsSubscribed("user"), "the user stream");

            var subscribe = mastodon.Mention("rosa", "subscribe");
            var subscribed = await ReplyToAsync(subscribe);
            Assert.StartsWith("@rosa", subscribed.Text, StringComparison.Ordinal);

            var create = mastodon.Mention("rosa", "event create kind:march title:\"Save our NHS\" when:\"in 8s\" reminders:3s");
            var created = await ReplyToAsync(create);
            Assert.Contains("Save our NHS", created.Text, StringComparison.Ordinal);

            var refused = await ReplyToAsync(mastodon.Mention("sam", "event cancel 1"));
            Assert.Equal("direct", refused.Visibility);

            await WaitUntilAsync(() => mastodon.IsSubscribed("hashtag:notsafenotfair"), "the hashtag stream");
            var tagged = mastodon.Post("alice", "Marching on Saturday #NotSafeNotFair");
            await mastodon.Reblogs.WaitAsync(id => id == tagged["id"]!.GetValue<string>(), TimeSpan.FromSeconds(15), "the boost");

            var reminder = await mastodon.Posts.WaitAsync(p => p.InReplyToId is null && p.Text.Contains("Save our NHS", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the reminder");
            Assert.False(string.IsNullOrEmpty(reminder.IdempotencyKey));
            Assert.Contains("#NotSafeNotFair", reminder.Text, StringComparison.OrdinalIgnoreCase);

            bot.Interrupt();
            Assert.Equal(0, (await bot.WaitAsync()).ExitCode);
        }

        var postsBefore = mastodon.Posts.Items.Count;
        await using (var again = BotProcess.Start(_database.Path, settings))
        {
            await WaitUntilAsync(() => mastodon.IsSubscribed("hashtag:notsafenotfair"), "the hashtag stream after the restart");
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            again.Interrupt();
            Assert.Equal(0, (await again.WaitAsync()).ExitCode);
        }

        Assert.Equal(postsBefore, mastodon.Posts.Items.Count);
        Assert.Single(mastodon.Posts.Items, p => p.InReplyToId is null && p.Text.Contains("Save our NHS", StringComparison.Ordinal));
        Assert.Single(mastodon.Reblogs.Items);
        Assert.All(mastodon.Posts.Items, p => Assert.DoesNotContain(p.Mentions, m => m.Equals("everyone", StringComparison.OrdinalIgnoreCase)));
        mastodon.AssertNoViolations();
    }

    // A server that behaves like snac (FakeMastodonBehaviour.Snac): mentions[] without the bot, duplicate notifications,
    // ignored Idempotency-Key; the answers to a reply and to a reminder are lost on the way back.
    [Fact]
    public async Task On_a_snac_like_server_every_mention_and_reminder_is_posted_exactly_once()
    {
        _mastodon = await FakeMastodonServer.StartAsync(quirky: true);
        var snac = _mastodon;
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

    // Mentions are answered one at a time, in order: the next reply in a thread is this mention's.
    private async Task<FakeMastodonPost> ReplyToAsync(string notificationId)
    {
        _replies++;
        var replies = await _mastodon!.Posts.WaitForCountAsync(p => p.InReplyToId is not null, _replies, TimeSpan.FromSeconds(15), $"the reply to {notificationId}");
        return replies[_replies - 1];
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
        if (_mastodon is not null)
        {
            await _mastodon.DisposeAsync();
        }

        _database.Dispose();
    }

    [GeneratedRegex(@"\n(\d+)/\1$")]
    private static partial Regex LastPart();
}
