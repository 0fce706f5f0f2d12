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
}
