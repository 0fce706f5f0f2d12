using System.Text.Json;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Tests;

public sealed class EntityParsingTests
{
    [Fact]
    public void Status_with_hex_ids_and_unknown_fields_parses()
    {
        const string json = """
            {"id":"9f2c4e7a1b3d5f60718293a4b5c6d7e8f9","uri":"https://other.example/objects/1","created_at":"2026-11-20T09:15:02.118Z",
             "visibility":"public","content":"<p>hi</p>","future_field":{"x":1},
             "account":{"id":"a1b2c3d4e5f60718293a4b5c6d7e8f90","acct":"carol@other.example:8443","bot":false},
             "tags":[{"name":"notsafenotfair","url":"https://other.example/tags/notsafenotfair"}]}
            """;

        var status = JsonSerializer.Deserialize(json, MastodonJsonContext.Default.MastodonStatus)!;

        Assert.Equal("9f2c4e7a1b3d5f60718293a4b5c6d7e8f9", status.Id);
        Assert.Equal("carol@other.example:8443", status.Account.Acct);
        Assert.Null(status.Account.Discoverable);
        Assert.Equal("notsafenotfair", Assert.Single(status.Tags).Name);
        Assert.Null(status.Reblog);
    }

    [Theory]
    [InlineData("""{"id":"1","account":{"id":"2"}}""")]
    [InlineData("""{"id":"1","account":{"id":"2","acct":null,"display_name":null,"note":null,"fields":null},"content":null,"uri":null,"visibility":null,"spoiler_text":null,"mentions":null,"tags":null}""")]
    public void Missing_or_null_fields_read_as_their_defaults(string json)
    {
        var status = JsonSerializer.Deserialize(json, MastodonJsonContext.Default.MastodonStatus)!;

        Assert.Equal(("", "", ""), (status.Content, status.Uri, status.SpoilerText));
        Assert.Equal("direct", status.Visibility);
        Assert.Empty(status.Mentions);
        Assert.Empty(status.Tags);
        Assert.Equal(("", "", ""), (status.Account.Acct, status.Account.DisplayName, status.Account.Note));
        Assert.Empty(status.Account.Fields);
    }

    [Theory]
    [InlineData("""{"id":null,"account":{"id":"2"}}""")]
    [InlineData("""{"id":"1","account":null}""")]
    [InlineData("""{"id":"1","account":{"id":null}}""")]
    public void A_null_id_or_account_makes_the_status_unreadable(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, MastodonJsonContext.Default.MastodonStatus));

    [Fact]
    public void Instance_without_configuration_reads_as_defaults()
    {
        var v2 = JsonSerializer.Deserialize("{}", MastodonJsonContext.Default.MastodonInstance)!;
        var v1 = JsonSerializer.Deserialize("""{"urls":null,"configuration":{"statuses":null}}""", MastodonJsonContext.Default.MastodonInstanceV1)!;

        Assert.Equal(500, v2.Configuration.Statuses.MaxCharacters);
        Assert.Null(v2.Configuration.Urls.Streaming);
        Assert.Equal(500, v1.ToInstance().Configuration.Statuses.MaxCharacters);
    }
}
