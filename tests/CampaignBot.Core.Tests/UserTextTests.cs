using CampaignBot.Core.Text;

namespace CampaignBot.Core.Tests;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("Safe\0march", "U+0000")]
    [InlineData("Safe\amarch", "U+0007")]
    [InlineData("Safe\bmarch", "U+0008")]
    [InlineData("\u001b[31mRed\u001b[0m", "U+001B")]
    [InlineData("\u001b]0;pwned\u0007", "U+001B")]
    [InlineData("Safe\u0085march", "U+0085")]
    [InlineData("Safe\u009bmarch", "U+009B")]
    [InlineData("Safe\u007fmarch", "U+007F")]
    public void Control_characters_are_refused_naming_the_character(string input, string code)
    {
        var result = UserText.Clean(input, "title", multiLine: false);

        Assert.False(result.IsSuccess);
        Assert.Contains($"title contains a control character ({code})", result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(input, result.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Safe march \u202egnp.exe", "Safe march gnp.exe")]
    [InlineData("\u2066Safe\u2069 march", "Safe march")]
    [InlineData("Sa\u200Bfe\u2060 ma\uFEFFrch\u200E\u200F", "Safe march")]
    [InlineData("Sa\u200Dfe ma\u200Crch", "Safe march")]
    public void Bidi_controls_and_zero_width_characters_are_removed(string input, string expected) =>
        Assert.Equal(expected, UserText.Clean(input, "title", multiLine: false).Value);

    [Theory]
    [InlineData("Nurses \U0001F469\u200D\u2695\uFE0F march")]
    [InlineData("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")]
    [InlineData("Plain title — with “quotes”, émoji 🙂 and 漢字")]
    public void Joiners_that_build_emoji_or_words_and_ordinary_text_are_kept(string input) =>
        Assert.Equal(input, UserText.Clean(input, "title", multiLine: false).Value);

    [Fact]
    public void Line_breaks_and_tabs_stay_in_long_texts_and_become_spaces_in_short_ones()
    {
        Assert.Equal("One\nTwo\nThree\tfour\nfive", UserText.Clean("One\r\nTwo\rThree\tfour\u2028five", "description", multiLine: true).Value);
        Assert.Equal("One  Two Three four", UserText.Clean("One\r\n Two\nThree\tfour", "title", multiLine: false).Value);
    }

    [Fact]
    public void A_name_quoted_back_before_cleaning_shows_hidden_characters_as_question_marks() =>
        Assert.Equal("?[31mtitle?", UserText.Shown("\u001b[31mtitle\u202e"));
}
