using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Tests;

/// <summary>
/// Text options from a shell line and from a platform's structured options (as Discord sends them) are cleaned the
/// same way before anything is stored or echoed: control characters refused, bidi and zero-width characters removed.
/// </summary>
public sealed class HostileTextTests : IAsyncLifetime
{
    private static readonly string[] Controls = ["\0", "\a", "\b", "\u001b[2J", "\u001b]0;owned\a", "\u0085", "\u009b31m", "\u007f"];

    private CommandHarness _bot = null!;

    public async ValueTask InitializeAsync() => _bot = await CommandHarness.CreateAsync();

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Control_characters_in_any_text_option_are_refused_and_never_quoted_back_on_any_surface()
    {
        string[] options = ["title", "location", "description", "link", "hashtags"];
        foreach (var control in Controls)
        {
            foreach (var option in options)
            {
                var values = new Dictionary<string, string> { ["kind"] = "march", ["title"] = "March", ["when"] = "in 3d", [option] = $"x{control}y" };
                var structured = await _bot.Router.HandleAsync(new CommandInvocation(["event", "create"], values, Context()), TestContext.Current.CancellationToken);
                var line = await _bot.RunAsync($"event create kind:march title:March when:\"in 3d\" {option}:\"x{control}y\"");

                foreach (var result in new[] { structured, line })
                {
                    Assert.False(result.IsSuccess, $"{option} with U+{(int)control[0]:X4} was accepted");
                    Assert.Equal(ErrorKind.BadInput, result.Error!.Kind);
                    Assert.Contains("control character", result.Error.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain(control, result.Error.ToString(), StringComparison.Ordinal);
                }
            }
        }

        Assert.Empty(await _bot.Store.ListEventsAsync(new EventQuery(CommandHarness.Start, IncludePast: true), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_bidi_override_cannot_disguise_a_title_in_replies_lists_or_the_store()
    {
        var reply = await _bot.OkAsync("event create kind:march title:\"Safe march \u202Egnp.exe\" when:\"in 3d\" description:\"Line one\nLine\ttwo\"");
        var list = await _bot.OkAsync("event list");

        var stored = Assert.Single(await _bot.Store.ListEventsAsync(new EventQuery(CommandHarness.Start, IncludePast: true), TestContext.Current.CancellationToken));
        Assert.Equal("Safe march gnp.exe", stored.Title);
        Assert.Equal("Line one\nLine\ttwo", stored.Description);
        Assert.DoesNotContain('\u202E', reply);
        Assert.Contains("Safe march gnp.exe", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_break_in_a_title_becomes_a_space_so_it_cannot_fake_a_second_list_line()
    {
        var values = new Dictionary<string, string> { ["kind"] = "march", ["title"] = "Real march\n2. Fake march", ["when"] = "in 3d" };

        var result = await _bot.Router.HandleAsync(new CommandInvocation(["event", "create"], values, Context()), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("Real march 2. Fake march", Assert.Single(await _bot.Store.ListEventsAsync(new EventQuery(CommandHarness.Start, IncludePast: true), TestContext.Current.CancellationToken)).Title);
    }

    [Fact]
    public async Task An_unknown_option_name_with_an_escape_sequence_is_quoted_back_defused()
    {
        var values = new Dictionary<string, string> { ["\u001b[31mcolour"] = "x" };

        var result = await _bot.Router.HandleAsync(new CommandInvocation(["status"], values, Context()), TestContext.Current.CancellationToken);

        Assert.False(result.IsSuccess);
        Assert.DoesNotContain('\u001b', result.Error!.ToString());
    }

    private static CommandContext Context() => new(CommandHarness.Organiser, CommandHarness.Channel, IsOrganiser: true);
}
