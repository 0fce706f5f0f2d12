using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Tests;

/// <summary>Whatever arrives, the router answers with a clear error or a reply: never a crash, never a change.</summary>
public sealed class GarbageInputTests : IAsyncLifetime
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789 :\"“”'\\/#@-_,.;!?{}[]()<>*&%$~\t éüñ漢字🙂";

    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = await CommandHarness.CreateAsync();
        await _bot.OkAsync("event create kind:march title:\"Save our NHS\" when:\"in 3d\"");
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Random_lines_get_answers_without_internal_errors_and_change_nothing_as_a_supporter()
    {
        var random = new Random(2016);
        string[] prefixes = ["", "event ", "event create ", "event edit 1 ", "rsvp ", "rsvp 1 ", "remind 1 ", "hashtag stats ", "help ", "/"];
        for (var i = 0; i < 600; i++)
        {
            var length = i % 50 == 0 ? 3900 : random.Next(0, 120);
            var line = prefixes[i % prefixes.Length] + new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

            var result = await _bot.RunAsync(line, CommandHarness.Supporter, organiser: false);

            if (!result.IsSuccess)
            {
                Assert.False(result.Error.Kind == ErrorKind.Unavailable && result.Error.Message.StartsWith("Something went wrong", StringComparison.Ordinal), line);
                Assert.True(result.Error.ToString().Length < 600, $"error too long for: {line}");
            }
        }

        var events = await _bot.Store.ListEventsAsync(new EventQuery(CommandHarness.Start, IncludePast: true), TestContext.Current.CancellationToken);
        Assert.Equal("Save our NHS", Assert.Single(events).Title);
    }
}
