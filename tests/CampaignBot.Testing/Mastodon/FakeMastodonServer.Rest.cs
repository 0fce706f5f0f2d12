using CampaignBot.Testing.Routing;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Testing.Mastodon;

public sealed partial class FakeMastodonServer
{
    private static readonly (string Method, string Template)[] RouteTable =
    [
        ("GET", "/api/v1/accounts/verify_credentials"),
        ("GET", "/api/v2/instance"),
        ("GET", "/api/v1/instance"),
        ("GET", "/api/v1/accounts/{id}/statuses"),
        ("GET", "/api/v1/accounts/{id}"),
        ("POST", "/api/v1/statuses"),
        ("POST", "/api/v1/statuses/{id}/reblog"),
        ("GET", "/api/v1/notifications"),
        ("GET", "/api/v1/timelines/tag/{hashtag}"),
        ("GET", "/api/v1/streaming/health"),
    ];

    private readonly Dictionary<string, JsonObject> _idempotent = new(StringComparer.Ordinal);

    private async Task HandleRestAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var parameters = new Dictionary<string, string>();
        var route = RouteTable.FirstOrDefault(r => r.Method == context.Request.Method && RouteTemplate.Match(r.Template, path, parameters));
        if (route.Template is null)
        {
            Violation($"{context.Request.Method} {path}: a route the fake doesn't serve.");
            await WriteAsync(context, 404, """{"error":"Record not found"}""", []).ConfigureAwait(false);
            return;
        }

        var key = $"{route.Method} {route.Template}";
        var text = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false);
        var (status, answer, headers) = Answer(context, key, parameters, text);
        if (key == "POST /api/v1/statuses" && status == 200)
        {
            BeforePostAnswer?.Invoke();
            if (Take(b => b.FailedPostAnswers, (b, n) => b.FailedPostAnswers = n))
            {
                // The status exists, but the server answers as though it had failed (a proxy's 502, a timeout inside).
                (status, answer) = (503, """{"error":"Service Unavailable"}""");
            }
        }

        Requests.Add(new FakeMastodonRequest(route.Method, route.Template, path, context.Request.QueryString.Value ?? string.Empty, status));
        if (key == "POST /api/v1/statuses" && status == 200 && Take(b => b.LostPostAnswers, (b, n) => b.LostPostAnswers = n))
        {
            // The status exists, but the client never hears so (a timeout, a crash mid-request).
            context.Abort();
            return;
        }

        await WriteAsync(context, status, answer, headers).ConfigureAwait(false);
    }

    private (int Status, string Body, Dictionary<string, string> Headers) Answer(HttpContext context, string key, Dictionary<string, string> parameters, string text)
    {
        var headers = new Dictionary<string, string>();
        CheckQuery(key, context.Request.Query);
        if (key == "GET /api/v1/streaming/health")
        {
            return Streaming == FakeMastodonStreaming.None ? (404, """{"error":"Not found"}""", headers) : (200, "OK", headers);
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            return Quirky ? (422, """{"error":"Invalid credentials"}""", headers) : (401, """{"error":"The access token is invalid"}""", headers);
        }

        if (string.IsNullOrEmpty(context.Request.Headers.UserAgent))
        {
            Violation($"{key}: no User-Agent");
        }

        var statusFamily = key is "POST /api/v1/statuses" or "POST /api/v1/statuses/{id}/reblog";
        var admitted = _limiter.Admit(statusFamily, headers);
        if (Quirky)
        {
            headers.Clear();
        }

        if (!admitted)
        {
            return (429, """{"error":"Too many requests"}""", headers);
        }

        return key switch
        {
            "GET /api/v1/accounts/verify_credentials" => (200, Bot.ToJsonString(), headers),
            "GET /api/v2/instance" => Behaviour.NoV2Instance ? (404, """{"error":"Not found"}""", headers) : (200, Instance().ToJsonString(), headers),
            "GET /api/v1/instance" => (200, InstanceV1().ToJsonString(), headers),
            "GET /api/v1/accounts/{id}/statuses" when Behaviour.RefusesOwnStatuses => (403, """{"error":"This action is not allowed"}""", headers),
            "GET /api/v1/accounts/{id}/statuses" => Page(OwnStatuses(parameters["id"]), context, 20, 40, headers, PinnedFirst(parameters["id"], context.Request.Query)),
            "GET /api/v1/accounts/{id}" => FindAccount(parameters["id"]) is { } account ? (200, account.ToJsonString(), headers) : (404, """{"error":"Record not found"}""", headers),
            "POST /api/v1/statuses" => CreateStatus(context, text, headers),
            "POST /api/v1/statuses/{id}/reblog" => Reblog(parameters["id"], text, headers),
            "GET /api/v1/notifications" => Page(Notifications(context.Request.Query), context, 40, 80, headers),
            "GET /api/v1/timelines/tag/{hashtag}" => Page(Tagged(parameters["hashtag"]), context, 20, 40, headers),
            _ => (404, """{"error":"Record not found"}""", headers),
        };
    }

    private JsonObject Instance() => new()
    {
        ["domain"] = Domain,
        ["title"] = "Fake Mastodon",
        ["version"] = Quirky ? "3.0.0 (compatible; NotMastodon 1.2)" : "4.5.0",
        ["configuration"] = new JsonObject
        {
            ["urls"] = StreamingUrls("streaming"),
            ["statuses"] = StatusLimits(),
        },
    };

    // The v1 shape: domain as "uri", the streaming host as "urls.streaming_api".
    private JsonObject InstanceV1() => new()
    {
        ["uri"] = Domain,
        ["title"] = "Fake Mastodon",
        ["version"] = "4.0.0 (compatible; snac 2.90)",
        ["urls"] = StreamingUrls("streaming_api"),
        ["configuration"] = new JsonObject { ["statuses"] = StatusLimits() },
    };

    private JsonObject StreamingUrls(string name) =>
        Streaming == FakeMastodonStreaming.None ? [] : new JsonObject { [name] = $"ws://{BaseUrl.Authority}" };

    private JsonObject StatusLimits() => new() { ["max_characters"] = MaxCharacters, ["max_media_attachments"] = 4, ["characters_reserved_per_url"] = 23 };

    private JsonObject? FindAccount(string id)
    {
        lock (_lock)
        {
            return _accounts.GetValueOrDefault(id);
        }
    }

    private (int, string, Dictionary<string, string>) CreateStatus(HttpContext context, string text, Dictionary<string, string> headers)
    {
        var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length == 0)
        {
            Violation("POST /api/v1/statuses: no Idempotency-Key header (a retry could post twice)");
        }

        if (!context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
        {
            Violation($"POST /api/v1/statuses: Content-Type {context.Request.ContentType}, expected application/json");
        }

        if (!ParseBody("POST /api/v1/statuses", text, out var body) || body?["status"]?.GetValue<string>() is not { } content)
        {
            return (422, """{"error":"Validation failed: Text can't be blank"}""", headers);
        }

        var spoiler = body["spoiler_text"]?.GetValue<string>() ?? string.Empty;
        var length = FakeMastodonEntities.Length(content) + FakeMastodonEntities.Length(spoiler);
        if (length > MaxCharacters)
        {
            Violation($"POST /api/v1/statuses: {length} characters counted (the instance allows {MaxCharacters})");
            return (422, $$"""{"error":"Validation failed: Text character limit of {{MaxCharacters}} exceeded"}""", headers);
        }

        lock (_lock)
        {
            if (idempotencyKey.Length > 0 && !Behaviour.IgnoresIdempotencyKey && _idempotent.TryGetValue(idempotencyKey, out var earlier))
            {
                return (200, earlier.ToJsonString(), headers);
            }

            var visibility = body["visibility"]?.GetValue<string>() ?? "public";
            var inReplyTo = body["in_reply_to_id"]?.GetValue<string>();
            var status = FakeMastodonEntities.Status(NextId(), Bot, content, visibility, Clock.GetUtcNow(), Domain, inReplyTo, spoiler);
            _statuses.Add(status);
            if (idempotencyKey.Length > 0)
            {
                _idempotent[idempotencyKey] = status;
            }

            Posts.Add(new FakeMastodonPost(status["id"]!.GetValue<string>(), content, visibility, inReplyTo, spoiler.Length > 0 ? spoiler : null, idempotencyKey.Length > 0 ? idempotencyKey : null, FakeMastodonEntities.Handles(content), body));
            return (200, status.ToJsonString(), headers);
        }
    }

    private (int, string, Dictionary<string, string>) Reblog(string id, string text, Dictionary<string, string> headers)
    {
        if (text.Length > 0)
        {
            ParseBody("POST /api/v1/statuses/{id}/reblog", text, out _);
        }

        JsonObject? original;
        lock (_lock)
        {
            original = _statuses.FirstOrDefault(s => s["id"]!.GetValue<string>() == id);
        }

        if (original is null)
        {
            return (404, """{"error":"Record not found"}""", headers);
        }

        if (original["visibility"]?.GetValue<string>() is "private" or "direct")
        {
            return (403, """{"error":"This action is not allowed"}""", headers);
        }

        Reblogs.Add(id);
        original["reblogged"] = true;
        if (Quirky)
        {
            return (200, original.ToJsonString(), headers);
        }

        var wrapper = FakeMastodonEntities.Status(NextId(), Bot, string.Empty, "public", Clock.GetUtcNow(), Domain);
        wrapper["content"] = string.Empty;
        wrapper["reblogged"] = true;
        wrapper["reblog"] = original.DeepClone();
        return (200, wrapper.ToJsonString(), headers);
    }

    private List<JsonObject> Notifications(IQueryCollection query)
    {
        var types = query["types[]"].Concat(query["types"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            return [.. _notifications.Where(n => types.Count == 0 || types.Contains(n["type"]!.GetValue<string>()))];
        }
    }

    private List<JsonObject> Tagged(string hashtag)
    {
        lock (_lock)
        {
            return [.. _statuses.Where(s => s["visibility"]?.GetValue<string>() is "public" && s["reblog"] is null
                && (s["tags"]?.AsArray() ?? []).Any(t => string.Equals(t?["name"]?.GetValue<string>(), hashtag, StringComparison.OrdinalIgnoreCase)))];
        }
    }

    // Mastodon's paging: max_id (older than), since_id (newest page newer than), min_id (the page immediately newer);
    // always answered newest first, with Link next (older) and prev (newer) — except on quirky servers. "Older" and
    // "newer" are the order things happened here, never the ids' own order (quirky ids don't sort by age).
    // A server with a smaller page (Behaviour.MaxPageSize) answers fewer than asked for. Statuses in first (pinned
    // ones on some servers) go before the page, outside its limit and its Link header.
    private (int, string, Dictionary<string, string>) Page(List<JsonObject> items, HttpContext context, int defaultLimit, int maxLimit, Dictionary<string, string> headers, IReadOnlyList<JsonObject>? first = null)
    {
        var query = context.Request.Query;
        maxLimit = Math.Min(maxLimit, Behaviour.MaxPageSize ?? maxLimit);
        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, maxLimit) : Math.Min(defaultLimit, maxLimit);
        var ordered = items.OrderBy(i => Sequence(i["id"]!.GetValue<string>())).ToList();
        if (query["max_id"].ToString() is { Length: > 0 } maxId)
        {
            ordered = [.. ordered.Where(i => Sequence(i["id"]!.GetValue<string>()) < Sequence(maxId))];
        }

        var since = query["since_id"].ToString();
        if (query["min_id"].ToString() is { Length: > 0 } minId)
        {
            if (Behaviour.MinIdAsSinceId)
            {
                since = minId;
            }
            else
            {
                ordered = [.. ordered.Where(i => Sequence(i["id"]!.GetValue<string>()) > Sequence(minId)).Take(limit)];
            }
        }

        if (since is { Length: > 0 })
        {
            ordered = [.. ordered.Where(i => Sequence(i["id"]!.GetValue<string>()) > Sequence(since))];
        }

        var page = ordered.AsEnumerable().Reverse().Take(limit).ToList();
        if (page.Count > 0 && !Quirky && !Behaviour.MinIdAsSinceId)
        {
            var path = $"{BaseUrl.GetLeftPart(UriPartial.Authority)}{context.Request.Path}";
            var keep = string.Join(string.Empty, query.Where(q => q.Key is not ("min_id" or "max_id" or "since_id")).SelectMany(q => q.Value.Select(v => $"{q.Key}={Uri.EscapeDataString(v ?? string.Empty)}&")));
            headers["Link"] = $"<{path}?{keep}max_id={page[^1]["id"]}>; rel=\"next\", <{path}?{keep}min_id={page[0]["id"]}>; rel=\"prev\"";
        }

        if (Behaviour.PagesOutOfOrder)
        {
            // Every other item to the back (reversed): neither newest nor oldest first.
            page = [.. page.Where((_, i) => i % 2 == 0).Concat(page.Where((_, i) => i % 2 == 1).Reverse())];
        }

        return (200, new JsonArray([.. (first ?? []).Concat(page).Select(p => (JsonNode)p.DeepClone())]).ToJsonString(), headers);
    }

    private bool ParseBody(string key, string text, out JsonObject? body)
    {
        body = null;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException exception)
        {
            Violation($"{key}: body is not JSON ({exception.Message})");
            return false;
        }

        if (body is null)
        {
            Violation($"{key}: body is not a JSON object");
            return false;
        }

        foreach (var problem in _contract?.ValidateBody(key, text) ?? [])
        {
            Violation($"{key}: {problem} in {text}");
        }

        return true;
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, Dictionary<string, string> headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = body.StartsWith('{') || body.StartsWith('[') ? "application/json; charset=utf-8" : "text/plain";
        await context.Response.WriteAsync(body).ConfigureAwait(false);
    }
}
