using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CampaignBot.Testing.Mastodon;

/// <summary>Builds accounts and statuses with every field Mastodon serialises, in its order and markup (as in the captured fixtures).</summary>
internal static partial class FakeMastodonEntities
{
    public static JsonObject Account(string id, string username, string acct, string host, bool bot = false, string note = "", bool discoverable = true) => new()
    {
        ["id"] = id,
        ["username"] = username,
        ["acct"] = acct,
        ["display_name"] = username,
        ["locked"] = false,
        ["bot"] = bot,
        ["discoverable"] = discoverable,
        ["indexable"] = discoverable,
        ["group"] = false,
        ["created_at"] = "2023-03-04T00:00:00.000Z",
        ["note"] = note.Length == 0 ? "<p></p>" : $"<p>{WebUtility.HtmlEncode(note)}</p>",
        ["url"] = $"https://{AccountHost(acct, host)}/@{username}",
        ["uri"] = $"https://{AccountHost(acct, host)}/users/{username}",
        ["avatar"] = $"https://{host}/avatars/original/missing.png",
        ["avatar_static"] = $"https://{host}/avatars/original/missing.png",
        ["header"] = $"https://{host}/headers/original/missing.png",
        ["header_static"] = $"https://{host}/headers/original/missing.png",
        ["followers_count"] = 10,
        ["following_count"] = 10,
        ["statuses_count"] = 1,
        ["last_status_at"] = "2026-11-22",
        ["hide_collections"] = false,
        ["noindex"] = !discoverable,
        ["emojis"] = new JsonArray(),
        ["roles"] = new JsonArray(),
        ["fields"] = new JsonArray(),
    };

    /// <summary>A status whose HTML marks up <c>@handles</c> and <c>#tags</c> in <paramref name="text"/> like Mastodon does.</summary>
    public static JsonObject Status(string id, JsonObject account, string text, string visibility, DateTimeOffset createdAt, string host, string? inReplyToId = null, string spoiler = "", IReadOnlyList<(string Id, string Username, string Acct)>? mentions = null)
    {
        var acct = account["acct"]!.GetValue<string>();
        var username = account["username"]!.GetValue<string>();
        var tags = Tags(text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var statusHost = AccountHost(acct, host);
        return new JsonObject
        {
            ["id"] = id,
            ["created_at"] = Timestamp(createdAt),
            ["in_reply_to_id"] = inReplyToId,
            ["in_reply_to_account_id"] = null,
            ["sensitive"] = spoiler.Length > 0,
            ["spoiler_text"] = spoiler,
            ["visibility"] = visibility,
            ["language"] = "en",
            ["uri"] = $"https://{statusHost}/users/{username}/statuses/{id}",
            ["url"] = $"https://{statusHost}/@{username}/{id}",
            ["replies_count"] = 0,
            ["reblogs_count"] = 0,
            ["favourites_count"] = 0,
            ["quotes_count"] = 0,
            ["edited_at"] = null,
            ["favourited"] = false,
            ["reblogged"] = false,
            ["muted"] = false,
            ["bookmarked"] = false,
            ["pinned"] = false,
            ["content"] = Html(text, host),
            ["filtered"] = new JsonArray(),
            ["reblog"] = null,
            ["account"] = account.DeepClone(),
            ["media_attachments"] = new JsonArray(),
            ["mentions"] = new JsonArray([.. (mentions ?? []).Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["username"] = m.Username, ["url"] = $"https://{host}/@{m.Username}", ["acct"] = m.Acct })]),
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["name"] = t.ToLowerInvariant(), ["url"] = $"https://{host}/tags/{t.ToLowerInvariant()}" })]),
            ["emojis"] = new JsonArray(),
            ["quote"] = null,
            ["card"] = null,
            ["poll"] = null,
        };
    }

    /// <summary>An instant as Mastodon writes it (UTC, milliseconds).</summary>
    public static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The handles Mastodon would turn into mentions in plain status text.</summary>
    public static IReadOnlyList<string> Handles(string text) => [.. Mention().Matches(text).Select(m => m.Groups[1].Value)];

    public static IEnumerable<string> Tags(string text) => Hashtag().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Mastodon's count: URLs as 23, remote mentions as their username part, code points otherwise.</summary>
    public static int Length(string text)
    {
        var counted = Url().Replace(text, new string('x', 23));
        counted = Mention().Replace(counted, m => "@" + m.Groups[1].Value.Split('@')[0]);
        return counted.EnumerateRunes().Count();
    }

    private static string Html(string text, string host)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Mention().Replace(encoded, m => $"<span class=\"h-card\" translate=\"no\"><a href=\"https://{host}/@{m.Groups[1].Value}\" class=\"u-url mention\">@<span>{m.Groups[1].Value.Split('@')[0]}</span></a></span>");
        encoded = Hashtag().Replace(encoded, m => $"<a href=\"https://{host}/tags/{m.Groups[1].Value.ToLowerInvariant()}\" class=\"mention hashtag\" rel=\"tag\">#<span>{m.Groups[1].Value}</span></a>");
        return "<p>" + encoded.Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br />", StringComparison.Ordinal) + "</p>";
    }

    private static string AccountHost(string acct, string host) => acct.Contains('@', StringComparison.Ordinal) ? acct[(acct.IndexOf('@', StringComparison.Ordinal) + 1)..] : host;

    // Mastodon's MENTION_RE, simplified: an @ not preceded by a word character, '/' or '='.
    [GeneratedRegex(@"(?<![\w/=])@([a-zA-Z0-9_]+(?:[a-zA-Z0-9_.-]+[a-zA-Z0-9_]+)?(?:@[\w.:-]+[\w])?)", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w/&])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
