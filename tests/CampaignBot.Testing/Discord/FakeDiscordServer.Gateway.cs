using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Testing.Discord;

public sealed partial class FakeDiscordServer
{
    private const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);

    private readonly ConcurrentDictionary<int, FakeGatewaySocket> _sockets = new();
    private readonly List<(long Seq, JsonObject Frame)> _replay = [];
    private readonly Lock _sessionLock = new();
    private int _connections;
    private string? _sessionId;
    private long _seq;
    private FakeGatewaySocket? _current;

    /// <summary>Every payload the bot sent on the gateway.</summary>
    public EventLog<GatewayRecord> Gateway { get; } = new();

    /// <summary>Paths of the gateway connections, in order (<c>/gateway</c> or <c>/resume</c>).</summary>
    public EventLog<string> Connections { get; } = new();

    /// <summary>When each gateway connection was accepted (Stopwatch timestamps), in order.</summary>
    public EventLog<long> ConnectionTimes { get; } = new();

    public int HeartbeatIntervalMs { get; set; } = 45_000;

    /// <summary>Stop answering heartbeats (op 11), to make the connection look like a zombie.</summary>
    public bool WithholdAcks { get; set; }

    /// <summary>Answer the next RESUME with op 9 (not resumable) instead of replaying.</summary>
    public bool RefuseResume { get; set; }

    /// <summary>Close every IDENTIFY with this code (e.g. 4004 for a bad token, 4014 for disallowed intents).</summary>
    public int? IdentifyCloseCode { get; set; }

    /// <summary>Send op 7 right after HELLO on every connection: a server misbehaving from the start.</summary>
    public bool ReconnectRightAfterHello { get; set; }

    public string? SessionId => _sessionId;

    public Task<GatewayRecord> WaitForOpAsync(int op, int occurrence = 1, TimeSpan? timeout = null) =>
        Gateway.WaitForCountAsync(r => r.Op == op, occurrence, timeout, $"gateway op {op}").ContinueWith(t => t.Result[occurrence - 1], TaskScheduler.Default);

    /// <summary>Sends a dispatch with the next sequence number; it is kept for replay on RESUME.</summary>
    public Task SendDispatchAsync(string type, JsonNode data)
    {
        JsonObject frame;
        lock (_sessionLock)
        {
            frame = new JsonObject { ["op"] = 0, ["s"] = ++_seq, ["t"] = type, ["d"] = data };
            _replay.Add((_seq, frame));
        }

        return _current?.SendAsync(frame.DeepClone()) ?? Task.CompletedTask;
    }

    /// <summary>Sends a raw payload (op 1, 7, 9, or garbage) on the current connection.</summary>
    public Task SendRawAsync(string json) => _current?.SendRawAsync(json) ?? Task.CompletedTask;

    /// <summary>Sends prepared frames back to back on the current connection (benchmarks); they are not kept for replay.</summary>
    public async Task SendPreparedAsync(IEnumerable<byte[]> frames)
    {
        var socket = _current ?? throw new InvalidOperationException("No gateway connection.");
        foreach (var frame in frames)
        {
            await socket.SendBytesAsync(frame).ConfigureAwait(false);
        }
    }

    public Task SendOpAsync(int op, JsonNode? data = null) =>
        _current?.SendAsync(new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null }) ?? Task.CompletedTask;

    public Task CloseCurrentAsync(int code) => _current?.CloseAsync(code) ?? Task.CompletedTask;

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void DropCurrent() => _current?.Abort();

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path is not ("/gateway" or "/resume") || context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            Violation($"gateway connection to {context.Request.Path}{context.Request.QueryString}: expected /gateway or /resume with ?v=10&encoding=json");
        }

        var socket = new FakeGatewaySocket(await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false), Interlocked.Increment(ref _connections) - 1, path);
        _sockets[socket.Index] = socket;
        _current = socket;
        ConnectionTimes.Add(TimeProvider.System.GetTimestamp());
        Connections.Add(path);
        await socket.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs }, ["s"] = null, ["t"] = null }).ConfigureAwait(false);
        if (ReconnectRightAfterHello)
        {
            await socket.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null, ["s"] = null, ["t"] = null }).ConfigureAwait(false);
        }

        try
        {
            while (await socket.ReceiveAsync(context.RequestAborted).ConfigureAwait(false) is { } bytes)
            {
                await OnPayloadAsync(socket, bytes).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            _sockets.TryRemove(socket.Index, out _);
        }
    }

    private async Task OnPayloadAsync(FakeGatewaySocket socket, byte[] bytes)
    {
        if (bytes.Length > 4096)
        {
            Violation($"gateway payload of {bytes.Length} bytes (Discord closes with 4002 past 4096)");
            await socket.CloseAsync(4002).ConfigureAwait(false);
            return;
        }

        if (socket.OverSendLimit())
        {
            Violation("more than 120 gateway payloads in 60 s (Discord closes with 4008)");
            await socket.CloseAsync(4008).ConfigureAwait(false);
            return;
        }

        JsonNode payload;
        try
        {
            payload = JsonNode.Parse(Encoding.UTF8.GetString(bytes))!;
        }
        catch (System.Text.Json.JsonException)
        {
            await socket.CloseAsync(4002).ConfigureAwait(false);
            return;
        }

        var op = payload["op"]?.GetValue<int>() ?? -1;
        Gateway.Add(new GatewayRecord(socket.Index, socket.Path, op, payload));
        switch (op)
        {
            case 1:
                if (!WithholdAcks)
                {
                    await socket.SendAsync(new JsonObject { ["op"] = 11, ["d"] = null, ["s"] = null, ["t"] = null }).ConfigureAwait(false);
                }

                break;
            case 2:
                await IdentifyAsync(socket, payload["d"]!).ConfigureAwait(false);
                break;
            case 6:
                await ResumeAsync(socket, payload["d"]!).ConfigureAwait(false);
                break;
            default:
                await socket.CloseAsync(4001).ConfigureAwait(false);
                break;
        }
    }

    private async Task IdentifyAsync(FakeGatewaySocket socket, JsonNode d)
    {
        var intents = d["intents"]?.GetValue<int>() ?? -1;
        var code = IdentifyCloseCode
            ?? (d["token"]?.GetValue<string>() != Token ? 4004 : intents < 0 ? 4013 : (intents & PrivilegedIntents) != 0 ? 4014 : (int?)null);
        if (code is { } close)
        {
            await socket.CloseAsync(close).ConfigureAwait(false);
            return;
        }

        if (Guilds is { } guilds)
        {
            await IdentifyShardAsync(socket, d, guilds).ConfigureAwait(false);
            return;
        }

        lock (_sessionLock)
        {
            _sessionId = Guid.NewGuid().ToString("N");
            _seq = 0;
            _replay.Clear();
        }

        await SendDispatchAsync("READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "campaign-bot", ["discriminator"] = "0", ["bot"] = true },
            ["guilds"] = new JsonArray(new JsonObject { ["id"] = GuildId, ["unavailable"] = true }),
            ["session_id"] = _sessionId,
            ["resume_gateway_url"] = ResumeUrl,
            ["shard"] = d["shard"]?.DeepClone(),
            ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
        }).ConfigureAwait(false);
    }

    private async Task ResumeAsync(FakeGatewaySocket socket, JsonNode d)
    {
        List<JsonObject> missed;
        lock (_sessionLock)
        {
            var valid = !RefuseResume && d["token"]?.GetValue<string>() == Token && d["session_id"]?.GetValue<string>() == _sessionId && d["seq"]?.GetValue<long>() <= _seq;
            RefuseResume = false;
            if (!valid)
            {
                missed = [];
            }
            else
            {
                var after = d["seq"]!.GetValue<long>();
                missed = [.. _replay.Where(r => r.Seq > after).Select(r => (JsonObject)r.Frame.DeepClone())];
                missed.Add(new JsonObject { ["op"] = 0, ["s"] = ++_seq, ["t"] = "RESUMED", ["d"] = new JsonObject() });
            }
        }

        if (missed.Count == 0)
        {
            await socket.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false, ["s"] = null, ["t"] = null }).ConfigureAwait(false);
            return;
        }

        foreach (var frame in missed)
        {
            await socket.SendAsync(frame).ConfigureAwait(false);
        }
    }
}
