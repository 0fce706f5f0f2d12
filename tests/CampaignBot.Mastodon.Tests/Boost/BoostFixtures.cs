using System.Text.Json;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Tests.Boost;

// Our own captured-style statuses for the rules the reference page lacks: a Pleroma-like server (hex ids, "@host:port"
// acct, display-cased tag, #NoBoost in a profile field), an author who opted out of indexing, an unlisted post, and
// someone else's boost of a local post. Times are minutes before Posts.Now.
internal static class BoostFixtures
{
    public const string Json = """
        [
          {
            "id": "9f2c4e7a1b3d5f60718293a4b5c6d7e8f9",
            "uri": "https://pleroma.example/objects/5b1c0d8e-opted-out",
            "created_at": "2026-11-20T15:40:00.000Z",
            "visibility": "public",
            "sensitive": false,
            "spoiler_text": "",
            "content": "<p>Solidarity with the juniors #NotSafeNotFair</p>",
            "reblog": null,
            "reblogged": false,
            "account": {
              "id": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
              "username": "gwen",
              "acct": "gwen@pleroma.example:8443",
              "bot": false,
              "note": "Ward sister.",
              "fields": [ { "name": "Boosts", "value": "<a href=\"https://pleroma.example/tag/noboost\">#NoBoost</a> please", "verified_at": null } ]
            },
            "tags": [ { "name": "NotSafeNotFair", "url": "https://pleroma.example/tag/notsafenotfair" } ]
          },
          {
            "id": "113509100000000001",
            "uri": "https://social.example/users/hana/statuses/113509100000000001",
            "created_at": "2026-11-20T15:45:00.000Z",
            "visibility": "public",
            "content": "<p>Rally at noon <a href=\"https://social.example/tags/loveyournhs\" class=\"mention hashtag\" rel=\"tag\">#<span>LoveYourNHS</span></a></p>",
            "reblog": null,
            "account": {
              "id": "111222333444555777",
              "username": "hana",
              "acct": "hana@social.example",
              "bot": false,
              "discoverable": true,
              "indexable": false,
              "noindex": true,
              "note": "<p>Physio.</p>",
              "fields": []
            },
            "tags": [ { "name": "loveyournhs", "url": "https://mastodon.example/tags/loveyournhs" } ]
          },
          {
            "id": "113509200000000001",
            "uri": "https://social.example/users/ivan/statuses/113509200000000001",
            "created_at": "2026-11-20T15:50:00.000Z",
            "visibility": "unlisted",
            "content": "<p>Quiet update #NotSafeNotFair</p>",
            "reblog": null,
            "account": { "id": "111222333444555888", "username": "ivan", "acct": "ivan@social.example", "bot": false, "discoverable": true, "indexable": true, "noindex": false, "note": "", "fields": [] },
            "tags": [ { "name": "notsafenotfair", "url": "https://mastodon.example/tags/notsafenotfair" } ]
          },
          {
            "id": "113509300000000009",
            "uri": "https://other.example/users/erin/statuses/113509300000000009/activity",
            "created_at": "2026-11-20T15:55:00.000Z",
            "visibility": "public",
            "content": "",
            "account": { "id": "110123456789000999", "username": "erin", "acct": "erin@other.example", "bot": false, "note": "", "fields": [] },
            "tags": [],
            "reblog": {
              "id": "113509250000000001",
              "uri": "https://mastodon.example/users/jo/statuses/113509250000000001",
              "created_at": "2026-11-20T15:52:00.000Z",
              "visibility": "public",
              "content": "<p>Picket photos <a href=\"https://mastodon.example/tags/notsafenotfair\" class=\"mention hashtag\" rel=\"tag\">#<span>NotSafeNotFair</span></a></p>",
              "reblog": null,
              "reblogged": false,
              "account": { "id": "109876543210000077", "username": "jo", "acct": "jo", "bot": false, "discoverable": true, "indexable": true, "noindex": false, "note": "<p>Porter.</p>", "fields": [] },
              "tags": [ { "name": "notsafenotfair", "url": "https://mastodon.example/tags/notsafenotfair" } ]
            }
          }
        ]
        """;

    public static IReadOnlyList<MastodonStatus> All { get; } = JsonSerializer.Deserialize(Json, MastodonJsonContext.Default.ListMastodonStatus)!;

    public static MastodonStatus NoBoostInField => All[0];

    public static MastodonStatus NoIndex => All[1];

    public static MastodonStatus Unlisted => All[2];

    public static MastodonStatus BoostOfLocalPost => All[3];
}
