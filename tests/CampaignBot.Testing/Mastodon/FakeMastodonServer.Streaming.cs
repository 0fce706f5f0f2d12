using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Testing.Discord;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Testing.Mastodon;

public sealed partial class FakeMastodonServer
{
    private readonly ConcurrentDictionary<int, FakeStreamConnection> _streams = new();
    private int _streamIds;

    /// <summary>Every streaming connection accepted: <c>websocket</c>, <c>sse:user</c> or <c>sse:hashtag:&lt;tag&gt;</c>.</summary>
    public EventLog<string> StreamConnections { get; } = new();

    /// <summary>Every control frame the bot sent on a WebSocket (subscribe/unsubscribe), as text.</summary>
    public EventLog<string> StreamFramesReceived { get; } = new();

    /// <summary>Open streaming connections now.</summary>
    public int OpenStreams => _streams.Count;

    /// <summary>Whether any open connection is subscribed to <paramref name="stream"/> (<c>user</c>, <c>hashtag:notsafenotfair</c>).</summary>
    public bool IsSubscribed(string stream) => _streams.Values.Any(s => s.Subscriptions.ContainsKey(stream.ToLowerInvariant()));

    /// <summary>Drops every streaming connection without a close frame (the bot should reconnect and backfill).</summary>
    public void DropStreams()
    {
        foreach (var connection in _streams.Values)
        {
            connection.Drop();
        }
    }

    /// <summary>Sends a raw text frame on every WebSocket (malformed frames, captured fixture frames).</summary>
    public async Task SendRawFrameAsync(string text)
    {
        foreach (var connection in _streams.Values.Where(c => c.IsWebSocket))
        {
            await connection.SendAsync(text).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a raw SSE chunk on every SSE connection to <paramref name="stream"/>.</summary>
    public async Task SendRawSseAsync(string stream, string text)
    {
        foreach (var connection in _streams.Values.Where(c => !c.IsWebSocket && c.Subscriptions.ContainsKey(stream)))
        {
            await connection.SendAsync(text).ConfigureAwait(false);
        }
    }

    private void Broadcast(string stream, string? tag, string eventName, string payload)
    {
        var key = tag is null ? stream : $"{stream}:{tag.ToLowerInvariant()}";
        foreach (var connection in _streams.Values)
        {
            if (!connection.Subscriptions.TryGetValue(key, out var spelled))
            {
                continue;
            }

            var text = connection.IsWebSocket
                ? JsonSerializer.Serialize(new JsonObject
                {
                    ["stream"] = tag is null ? new JsonArray(stream) : new JsonArray(stream, spelled),
                    ["event"] = eventName,
                    ["payload"] = payload,
                })
                : $"event: {eventName}\ndata: {payload}\n\n";
            _ = SendQuietlyAsync(connection, text);
        }
    }

    private static async Task SendQuietlyAsync(FakeStreamConnection connection, string text)
    {
        try
        {
            await connection.SendAsync(text).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection went away; the bot backfills what it missed.
        }
    }

    private bool TakeStreamingRefusal()
    {
        lock (_lock)
        {
            if (Behaviour.StreamingRefusals <= 0)
            {
                return false;
            }

            Behaviour.StreamingRefusals--;
            return true;
        }
    }

    private async Task HandleStreamingAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimEnd('/');
        var websocket = path == "/api/v1/streaming" && context.WebSockets.IsWebSocketRequest;
        if (Streaming == FakeMastodonStreaming.None || (websocket && Streaming == FakeMastodonStreaming.SseOnly))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"error":"Not found"}""").ConfigureAwait(false);
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}" || TakeStreamingRefusal())
        {
            context.Response.StatusCode = 401;
            context.Response.Headers["X-Error-Message"] = "Invalid access token";
            return;
        }

        if (websocket)
        {
            await AcceptWebSocketAsync(context).ConfigureAwait(false);
            return;
        }

        var channel = path switch
        {
            "/api/v1/streaming/user" => "user",
            "/api/v1/streaming/hashtag" when context.Request.Query["tag"].ToString() is { Length: > 0 } tag => $"hashtag:{tag}",
            "/api/v1/streaming/hashtag" => null,
            _ => string.Empty,
        };
        if (channel is null or { Length: 0 })
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(channel is null ? """{"error":"Missing tag name parameter"}""" : """{"error":"Unknown channel requested"}""").ConfigureAwait(false);
            return;
        }

        CheckQuery(channel == "user" ? "GET /api/v1/streaming/user" : "GET /api/v1/streaming/hashtag", context.Request.Query);
        await ServeSseAsync(context, channel).ConfigureAwait(false);
    }

    private async Task ServeSseAsync(HttpContext context, string channel)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        using var drop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var connection = new FakeStreamConnection(null, context.Response.Body, drop);
        var spelled = channel.StartsWith("hashtag:", StringComparison.Ordinal) ? channel["hashtag:".Length..] : string.Empty;
        connection.Subscriptions[channel.StartsWith("hashtag:", StringComparison.Ordinal) ? $"hashtag:{spelled.ToLowerInvariant()}" : "user"] = spelled;
        var id = Interlocked.Increment(ref _streamIds);
        _streams[id] = connection;
        StreamConnections.Add($"sse:{channel}");
        try
        {
            await connection.SendAsync(":)\n").ConfigureAwait(false);
            while (!drop.IsCancellationRequested)
            {
                await Task.Delay(HeartbeatInterval, drop.Token).ConfigureAwait(false);
                await connection.SendAsync(":thump\n").ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _streams.TryRemove(id, out _);
            if (drop.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
            {
                context.Abort();
            }
        }
    }

    private async Task AcceptWebSocketAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var drop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var connection = new FakeStreamConnection(socket, null, drop);
        var id = Interlocked.Increment(ref _streamIds);
        _streams[id] = connection;
        StreamConnections.Add("websocket");
        var buffer = new byte[8192];
        try
        {
            while (!drop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, drop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    break;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                StreamFramesReceived.Add(text);
                await ControlAsync(connection, text).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _streams.TryRemove(id, out _);
        }
    }

    private async Task ControlAsync(FakeStreamConnection connection, string text)
    {
        JsonObject? frame = null;
        try
        {
            frame = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }

        var type = frame?["type"]?.GetValue<string>();
        var stream = frame?["stream"]?.GetValue<string>();
        var tag = frame?["tag"]?.GetValue<string>();
        if (type is not ("subscribe" or "unsubscribe") || stream is not ("user" or "hashtag" or "user:notification" or "public" or "direct"))
        {
            Violation($"streaming: a control frame Mastodon doesn't understand: {text}");
            return;
        }

        if (stream == "hashtag" && string.IsNullOrEmpty(tag))
        {
            await connection.SendAsync("""{"error":"Missing tag name parameter","status":400}""").ConfigureAwait(false);
            return;
        }

        var key = stream == "hashtag" ? $"hashtag:{tag!.ToLowerInvariant()}" : stream;
        if (type == "subscribe")
        {
            connection.Subscriptions[key] = tag ?? string.Empty;
        }
        else
        {
            connection.Subscriptions.TryRemove(key, out _);
        }
    }
}
