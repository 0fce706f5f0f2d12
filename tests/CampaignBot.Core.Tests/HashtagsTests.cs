using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Tests;

public sealed class HashtagsTests
{
    private static readonly Person Organiser = new(Platform.Shell, "me", "me");

    [Theory]
    [InlineData("#NotSafeNotFair", "NotSafeNotFair")]
    [InlineData("LoveYourNHS", "LoveYourNHS")]
    [InlineData("junior_doctors", "junior_doctors")]
    public void Normalises_by_dropping_the_hash(string input, string expected)
    {
        Assert.True(Hashtags.TryNormalise(input, out var tag));
        Assert.Equal(expected, tag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("two words")]
    [InlineData("2016")]
    [InlineData("tag!")]
    public void Rejects_what_no_platform_would_treat_as_a_hashtag(string input) => Assert.False(Hashtags.TryNormalise(input, out _));

    [Fact]
    public void Effective_tags_are_configured_plus_tracked_minus_untracked()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        HashtagChange[] changes =
        [
            new("Strike2016", true, Organiser, t0),
            new("imInWorkJeremy", false, Organiser, t0),
            new("LoveYourNHS", false, Organiser, t0),
            new("LoveYourNHS", true, Organiser, t0.AddMinutes(1)),
        ];

        var effective = Hashtags.Effective(["NotSafeNotFair", "ImInWorkJeremy", "LoveYourNHS"], changes);

        Assert.Equal(["NotSafeNotFair", "LoveYourNHS", "Strike2016"], effective);
    }
}
