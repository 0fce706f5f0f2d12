using CampaignBot.Testing.Routing;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Testing.Discord;

public sealed partial class FakeDiscordServer
{
    private static readonly (string Method, string Template)[] RouteTable =
    [
        ("GET", "/gateway/bot"),
        ("PUT", "/applications/{application_id}/commands"),
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
        ("POST", "/channels/{channel_id}/messages"),
        ("PATCH", "/channels/{channel_id}/messages/{message_id}"),
        ("POST", "/users/@me/channels"),
        ("GET", "/guilds/{guild_id}/scheduled-events"),
        ("POST", "/guilds/{guild_id}/scheduled-events"),
        ("PATCH", "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}"),
        ("GET", "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/users"),
        ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"),
        ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
        ("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
        ("POST", "/webhooks/{webhook_id}/{webhook_token}"),
    ];

    private readonly ConcurrentDictionary<string, ConcurrentQueue<InjectedResponse>> _injected = new();
    private readonly ConcurrentDictionary<string, PostedMessage> _nonces = new();
    private readonly ConcurrentDictionary<string, string> _dmChannels = new();
    private readonly ConcurrentDictionary<string, PostedMessage> _latest = new();
    private long _nextId = 1800000000000000000;

    /// <summary>Every REST request, in arrival order.</summary>
    public EventLog<RecordedRequest> Requests { get; } = new();

    /// <summary>Messages accepted into channels (a retried nonce is not a second message).</summary>
    public EventLog<PostedMessage> Messages { get; } = new();

    /// <summary>Users whose DMs are closed: posting into their DM channel answers 403, code 50007.</summary>
    public ConcurrentDictionary<string, bool> ClosedDms { get; } = new();

    /// <summary>How many IDENTIFYs <c>GET /gateway/bot</c> says are left today.</summary>
    public int IdentifyRemaining { get; set; } = 1000;

    /// <summary>Answers the next request to <paramref name="route"/> (e.g. <c>POST /channels/{channel_id}/messages</c>) with <paramref name="response"/>.</summary>
    public void Inject(string route, InjectedResponse response) => _injected.GetOrAdd(route, _ => new()).Enqueue(response);

    public IReadOnlyList<RecordedRequest> RequestsTo(string route) => [.. Requests.Items.Where(r => r.Route == route)];

    private async Task HandleRestAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var relative = path.StartsWith("/api/v10/", StringComparison.Ordinal) ? path["/api/v10/".Length..] : null;
        var parameters = new Dictionary<string, string>();
        var route = RouteTable.FirstOrDefault(r => r.Method == context.Request.Method && relative is not null && RouteTemplate.Match(r.Template, relative, parameters));
        if (route.Template is null)
        {
            Violation($"{context.Request.Method} {path}: a route the fake doesn't serve (or a wrong API version).");
            await WriteAsync(context, 404, """{"code":0,"message":"404: Not Found"}""").ConfigureAwait(false);
            return;
        }

        var key = $"{route.Method} {route.Template}";
        foreach (var (name, value) in context.Request.Query)
        {
            parameters[$"?{name}"] = value.ToString();
        }

        var text = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false);
        JsonNode? body = null;
        if (text.Length > 0)
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException exception)
            {
                Violation($"{key}: body is not JSON ({exception.Message})");
            }
        }

        var (status, answer, headers) = Answer(context, key, parameters, text, body);
        Requests.Add(new RecordedRequest(route.Method, route.Template, path, parameters, body, status, DateTimeOffset.UtcNow, TimeProvider.System.GetTimestamp()));
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await WriteAsync(context, status, answer).ConfigureAwait(false);
    }

    private (int Status, string? Body, Dictionary<string, string> Headers) Answer(HttpContext context, string key, Dictionary<string, string> parameters, string text, JsonNode? body)
    {
        var headers = new Dictionary<string, string>();
        var tokenRoute = key.Contains("/interactions/", StringComparison.Ordinal) || key.Contains("/webhooks/", StringComparison.Ordinal);
        if (!tokenRoute)
        {
            if (context.Request.Headers.Authorization.ToString() != $"Bot {Token}")
            {
                return (401, """{"message":"401: Unauthorized","code":0}""", headers);
            }

            if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
            {
                Violation($"{key}: User-Agent must be \"DiscordBot (url, version)\", was \"{context.Request.Headers.UserAgent}\"");
            }
        }

        if (_injected.TryGetValue(key, out var queue) && queue.TryDequeue(out var injected))
        {
            if (injected.Status == 429)
            {
                _limiter.CountInjected429();
            }

            foreach (var (name, value) in injected.Headers)
            {
                headers[name] = value;
            }

            return (injected.Status, injected.Body, headers);
        }

        var major = parameters.GetValueOrDefault("channel_id") ?? parameters.GetValueOrDefault("guild_id") ?? parameters.GetValueOrDefault("webhook_id") ?? parameters.GetValueOrDefault("interaction_id") ?? string.Empty;
        if (_limiter.Check(key, major, global: !tokenRoute, headers) is { } limited)
        {
            foreach (var (name, value) in limited.Headers)
            {
                headers[name] = value;
            }

            return (429, limited.Body, headers);
        }

        if (text.Length > 0 && !Validate(key, text, body))
        {
            return (400, """{"code":50035,"message":"Invalid Form Body"}""", headers);
        }

        return Serve(key, parameters, body, headers);
    }

    private (int, string?, Dictionary<string, string>) Serve(string key, Dictionary<string, string> parameters, JsonNode? body, Dictionary<string, string> headers) => key switch
    {
        "GET /gateway/bot" => (200, new JsonObject
        {
            ["url"] = GatewayUrl,
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = IdentifyRemaining, ["reset_after"] = 3_600_000, ["max_concurrency"] = MaxConcurrency },
        }.ToJsonString(), headers),
        "PUT /applications/{application_id}/commands" or "PUT /applications/{application_id}/guilds/{guild_id}/commands" => (200, Commands(body, parameters), headers),
        "POST /channels/{channel_id}/messages" => PostMessage(parameters["channel_id"], body!, headers),
        "POST /users/@me/channels" => (200, new JsonObject { ["id"] = DmChannel(body!["recipient_id"]!.GetValue<string>()), ["type"] = 1 }.ToJsonString(), headers),
        "POST /interactions/{interaction_id}/{interaction_token}/callback" => Callback(parameters["interaction_id"], body, headers),
        "GET /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/users" => InterestedUsers(parameters, headers),
        "GET /guilds/{guild_id}/scheduled-events" or "POST /guilds/{guild_id}/scheduled-events" or "PATCH /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}" => ScheduledEventCall(key, parameters, body, headers),
        "PATCH /channels/{channel_id}/messages/{message_id}" => EditMessage(parameters["channel_id"], parameters["message_id"], body!, headers),
        "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original" => (204, null, headers),
        _ => (200, new JsonObject { ["id"] = NextId(), ["channel_id"] = "1400000000000000001", ["content"] = body?["content"]?.DeepClone() }.ToJsonString(), headers),
    };

    private (int, string?, Dictionary<string, string>) PostMessage(string channelId, JsonNode body, Dictionary<string, string> headers)
    {
        if (_dmChannels.TryGetValue(channelId, out var user) && ClosedDms.ContainsKey(user))
        {
            return (403, """{"code":50007,"message":"Cannot send messages to this user"}""", headers);
        }

        if (body["enforce_nonce"]?.GetValue<bool>() == true && body["nonce"]?.ToString() is { } nonce && _nonces.TryGetValue($"{channelId}:{nonce}", out var existing))
        {
            return (200, Message(existing), headers);
        }

        var message = new PostedMessage(channelId, NextId(), body);
        if (body["nonce"]?.ToString() is { } n)
        {
            _nonces[$"{channelId}:{n}"] = message;
        }

        Messages.Add(message);
        _latest[message.Id] = message;
        return (200, Message(message), headers);
    }

    private static string Message(PostedMessage message) =>
        new JsonObject { ["id"] = message.Id, ["channel_id"] = message.ChannelId, ["content"] = message.Body["content"]?.DeepClone() ?? string.Empty }.ToJsonString();

    private string Commands(JsonNode? body, Dictionary<string, string> parameters)
    {
        var result = new JsonArray();
        foreach (var command in body?.AsArray() ?? [])
        {
            var copy = command!.DeepClone().AsObject();
            copy["id"] = NextId();
            copy["application_id"] = parameters["application_id"];
            copy["version"] = NextId();
            result.Add(copy);
        }

        return result.ToJsonString();
    }

    private string DmChannel(string userId)
    {
        var existing = _dmChannels.FirstOrDefault(pair => pair.Value == userId).Key;
        if (existing is not null)
        {
            return existing;
        }

        var id = NextId();
        _dmChannels[id] = userId;
        return id;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, int status, string? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body).ConfigureAwait(false);
        }
    }
}
