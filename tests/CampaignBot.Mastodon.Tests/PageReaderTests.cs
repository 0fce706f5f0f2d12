using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Tests;

public sealed class PageReaderTests
{
    [Theory]
    [InlineData("""[null,{"id":"7","account":{"id":"2"}}]""", "entry 0 is null")]
    [InlineData("""[{"id":5,"account":{"id":"2"}},{"id":"7","account":{"id":"2"}}]""", "entry 0:")]
    [InlineData("""[{"id":"6","account":null},{"id":"7","account":{"id":"2"}}]""", "id 6:")]
    public void An_unreadable_entry_is_skipped_and_named_and_the_rest_of_the_page_is_read(string json, string named)
    {
        var skipped = new List<string>();

        var page = PageReader.Read(System.Text.Encoding.UTF8.GetBytes(json), MastodonJsonContext.Default.ListMastodonStatus, skipped);

        Assert.Equal("7", Assert.Single(page!).Id);
        Assert.StartsWith(named, Assert.Single(skipped), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{"error":"nope"}""")]
    [InlineData("[{")]
    public void A_body_that_is_no_array_is_not_a_page(string json) =>
        Assert.Null(PageReader.Read(System.Text.Encoding.UTF8.GetBytes(json), MastodonJsonContext.Default.ListMastodonStatus, []));
}
