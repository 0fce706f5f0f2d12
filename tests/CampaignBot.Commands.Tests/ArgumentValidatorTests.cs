using CampaignBot.Commands.Routing;
using CampaignBot.Core.Specs;

namespace CampaignBot.Commands.Tests;

public sealed class ArgumentValidatorTests
{
    private static readonly CommandSpec Create = CommandCatalog.Find("event create")!;

    private static Dictionary<string, string> Valid() => new()
    {
        ["kind"] = "march",
        ["title"] = "Save our NHS",
        ["when"] = "in 2h",
    };

    [Fact]
    public void Missing_required_options_are_named_with_usage()
    {
        var result = ArgumentValidator.Validate(Create, new Dictionary<string, string> { ["kind"] = "march" });

        Assert.Equal("event create needs title and when.", result.Error!.Message);
        Assert.StartsWith("Usage: event create kind:<march|strike|rally|picket|online|meeting> title when", result.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_over_100_characters_is_refused()
    {
        var options = Valid();
        options["title"] = new string('x', 101);

        Assert.Equal("title is too long (101 characters; at most 100).", ArgumentValidator.Validate(Create, options).Error!.Message);
    }

    [Fact]
    public void Choices_are_matched_case_insensitively_and_normalised()
    {
        var options = Valid();
        options["kind"] = "MARCH";

        Assert.Equal("march", ArgumentValidator.Validate(Create, options).Value.Get("kind"));
    }

    [Fact]
    public void A_wrong_choice_lists_the_right_ones()
    {
        var options = Valid();
        options["kind"] = "parade";

        Assert.Contains("one of march, strike, rally, picket, online, meeting", ArgumentValidator.Validate(Create, options).Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("seven")]
    public void Integers_outside_their_range_are_refused(string days)
    {
        var stats = CommandCatalog.Find("hashtag stats")!;

        var result = ArgumentValidator.Validate(stats, new Dictionary<string, string> { ["tag"] = "NHS", ["days"] = days });

        Assert.Contains("from 1 to 90", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_accept_yes_and_no()
    {
        var list = CommandCatalog.Find("event list")!;

        Assert.True(ArgumentValidator.Validate(list, new Dictionary<string, string> { ["include-past"] = "yes" }).Value.Flag("include-past"));
        Assert.False(ArgumentValidator.Validate(list, new Dictionary<string, string> { ["include-past"] = "maybe" }).IsSuccess);
    }
}
