using CampaignBot.Commands.Parsing;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Tests;

public sealed class TextCommandParserTests
{
    private static readonly CommandContext Context = new(new Person(Platform.Shell, "me", "me"), null, IsOrganiser: true);

    private static CommandInvocation Parse(string line)
    {
        var result = TextCommandParser.Parse(line, Context);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static Error Fails(string line)
    {
        var result = TextCommandParser.Parse(line, Context);
        Assert.False(result.IsSuccess, $"expected an error for: {line}");
        return result.Error!;
    }

    [Fact]
    public void Named_and_quoted_options_are_read()
    {
        var invocation = Parse("/event create kind:march title:\"Save our NHS\" when:\"2026-12-05 12:00\"");

        Assert.Equal(["event", "create"], invocation.Path);
        Assert.Equal("march", invocation.Options["kind"]);
        Assert.Equal("Save our NHS", invocation.Options["title"]);
        Assert.Equal("2026-12-05 12:00", invocation.Options["when"]);
    }

    [Fact]
    public void Positional_shorthand_fills_options_in_order() =>
        Assert.Equal(new Dictionary<string, string> { ["event"] = "3", ["answer"] = "going" }, Parse("rsvp 3 going").Options);

    [Fact]
    public void Unquoted_times_with_a_clock_are_kept_together()
    {
        var invocation = Parse("event create march \"Picket at St Thomas'\" tomorrow 07:30 4h \"Westminster Bridge\"");

        Assert.Equal("tomorrow 07:30", invocation.Options["when"]);
        Assert.Equal("4h", invocation.Options["duration"]);
        Assert.Equal("Westminster Bridge", invocation.Options["location"]);
    }

    [Fact]
    public void Words_after_a_named_option_continue_its_value()
    {
        var invocation = Parse("event create kind:rally title:Rally for the NHS when:in 3d location:Trafalgar Square, London");

        Assert.Equal("Rally for the NHS", invocation.Options["title"]);
        Assert.Equal("in 3d", invocation.Options["when"]);
        Assert.Equal("Trafalgar Square, London", invocation.Options["location"]);
    }

    [Fact]
    public void The_last_text_option_takes_the_rest_of_the_line() =>
        Assert.Equal("Strike is on: see you at 8!", Parse("announce Strike is on: see you at 8!").Options["text"]);

    [Fact]
    public void Links_are_not_mistaken_for_options() =>
        Assert.Equal("https://example.org/march", Parse("event edit 3 link:https://example.org/march").Options["link"]);

    [Fact]
    public void Curly_quotes_from_phones_work_like_straight_ones() =>
        Assert.Equal("Save our NHS", Parse("event info “Save our NHS”").Options["event"]);

    [Fact]
    public void Escaped_quotes_stay_in_the_value() =>
        Assert.Equal("The \"junior\" contract", Parse("event edit 1 title:\"The \\\"junior\\\" contract\"").Options["title"]);

    [Fact]
    public void Unknown_command_suggests_the_closest()
    {
        var error = Fails("evnt list");

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("Did you mean event?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_subcommand_suggests_the_closest() =>
        Assert.Contains("Did you mean event create?", Fails("event craete kind:march").Message, StringComparison.Ordinal);

    [Fact]
    public void Group_without_subcommand_lists_them() =>
        Assert.Contains("create, list, info, edit, cancel", Fails("event").Message, StringComparison.Ordinal);

    [Fact]
    public void Unknown_option_names_the_valid_ones()
    {
        var error = Fails("event list kinds:march");

        Assert.Contains("Unknown option \"kinds\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean kind?", error.Message, StringComparison.Ordinal);
        Assert.Contains("kind, include-past", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_option_after_a_named_one_is_still_caught() =>
        Assert.Contains("Unknown option \"titel\"", Fails("event create kind:march titel:\"x\" when:\"in 2h\"").Message, StringComparison.Ordinal);

    [Fact]
    public void Unterminated_quote_says_where_it_opened()
    {
        var error = Fails("event create kind:march title:\"Save our NHS when:tomorrow 12:00");

        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("character 31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_given_twice_is_refused() =>
        Assert.Contains("given twice", Fails("rsvp event:3 event:4 answer:going").Message, StringComparison.Ordinal);

    [Fact]
    public void Too_many_values_point_at_the_usage() =>
        Assert.Contains("Usage: remind event [before]", Fails("remind 3 2h extra").Hint, StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    public void Empty_input_asks_for_a_command(string line) =>
        Assert.Equal("Type a command.", Fails(line).Message);

    [Fact]
    public void Ten_kilobytes_of_garbage_is_a_short_error()
    {
        var garbage = string.Concat(Enumerable.Repeat("\"x:y ~~ ", 1280));

        var error = Fails(garbage);

        Assert.True(error.ToString().Length < 300, error.ToString());
    }

    [Fact]
    public void Lines_over_the_input_limit_are_refused_unread() =>
        Assert.Contains("too long", Fails("help " + new string('a', 5000)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_line_starting_with_an_option_is_not_a_command() =>
        Assert.Contains("isn't a command", Fails("kind:march").Message, StringComparison.Ordinal);
}
