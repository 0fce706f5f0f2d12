namespace CampaignBot.Mastodon.Tests;

public sealed class MastodonOptionsValidationTests
{
    private static MastodonOptions Valid() => new() { InstanceUrl = "https://mastodon.example", AccessToken = "token123" };

    [Fact]
    public void Good_settings_pass()
    {
        Assert.True(new MastodonOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("InstanceUrl", "mastodon.example", "Mastodon:InstanceUrl")]
    [InlineData("InstanceUrl", "ftp://mastodon.example", "Mastodon:InstanceUrl")]
    [InlineData("AccessToken", "", "Mastodon:AccessToken")]
    [InlineData("AccessToken", "Bearer token123", "Mastodon:AccessToken")]
    [InlineData("StreamingUrl", "not a url", "Mastodon:StreamingUrl")]
    [InlineData("Visibility", "direct", "Mastodon:Visibility")]
    [InlineData("Visibility", "Public!", "Mastodon:Visibility")]
    [InlineData("Streaming", "carrier-pigeon", "Mastodon:Streaming")]
    [InlineData("TagPollBudgetPercent", "95", "Mastodon:TagPollBudgetPercent")]
    [InlineData("Organisers", "two words@x", "Mastodon:Organisers")]
    public void A_bad_setting_gives_one_message_naming_its_key(string property, string value, string key)
    {
        var options = Valid();
        switch (property)
        {
            case "InstanceUrl": options.InstanceUrl = value; break;
            case "AccessToken": options.AccessToken = value; break;
            case "StreamingUrl": options.StreamingUrl = value; break;
            case "Visibility": options.Visibility = value; break;
            case "Streaming": options.Streaming = value; break;
            case "TagPollBudgetPercent": options.TagPollBudgetPercent = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.Organisers.Add(value); break;
        }

        var result = new MastodonOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }
}
