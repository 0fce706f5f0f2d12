using System.Net.WebSockets;
using System.Text.Json;

namespace CampaignBot.Discord.Gateway;

/// <summary>
/// The read loop of one gateway connection: answers HELLO, heartbeat requests, op 7 and op 9, records dispatches.
/// It owns what runs beside it for this connection (the heartbeat, a pending IDENTIFY): both end with it, before the
/// next connection starts.
/// </summary>
internal sealed class GatewayReadLoop(ShardContext owner, ResumeState session, GatewaySocket connection, bool resuming)
{
    private Heartbeater? _heartbeater;
    private Task _heartbeat = Task.CompletedTask;
    private Task _identify = Task.CompletedTask;
    private bool _healthy;
    private volatile bool _zombie;

    public async Task<ConnectionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                var message = await connection.ReceiveAsync(lifetime.Token).ConfigureAwait(false);
                if (message.Closed)
                {
                    return Closed(message.CloseCode);
                }

                if (await HandleAsync(message.Payload, lifetime).ConfigureAwait(false) is { } outcome)
                {
                    return outcome;
                }
            }
        }
        catch (OperationCanceledException) when (_zombie)
        {
            Log.Zombie(owner.Logger, owner.ShardId);
            connection.Abort();
            return new ConnectionOutcome(CloseAction.Resume, "no heartbeat ACK since the last beat (zombie connection)", Healthy: _healthy, Immediate: _healthy);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, CancellationToken.None).ConfigureAwait(false);
            return new ConnectionOutcome(CloseAction.Resume, "shut down");
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            return new ConnectionOutcome(CloseAction.Resume, $"connection dropped ({exception.Message})", Healthy: _healthy);
        }
        finally
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            await EndChildrenAsync().ConfigureAwait(false);
        }
    }

    private async Task EndChildrenAsync()
    {
        // Both stop on the connection's cancellation and catch what a closing socket throws; anything else is a bug.
        await Task.WhenAll(_heartbeat, _identify).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var failed in (Task[])[_heartbeat, _identify])
        {
            if (failed.Exception?.InnerException is { } exception)
            {
                Log.ConnectionTaskFailed(owner.Logger, exception, owner.ShardId);
            }
        }
    }

    private ConnectionOutcome Closed(int? code)
    {
        var action = GatewayCloseCodes.Classify(code);
        var reason = $"closed by Discord: {GatewayCloseCodes.Describe(code)}";
        return new ConnectionOutcome(action, reason, action == CloseAction.Fatal ? code ?? 0 : code, Healthy: _healthy);
    }

    private async Task<ConnectionOutcome?> HandleAsync(ReadOnlyMemory<byte> payload, CancellationTokenSource lifetime)
    {
        GatewayFrame frame;
        try
        {
            frame = GatewayFrame.Parse(payload);
        }
        catch (JsonException exception)
        {
            Log.MalformedFrame(owner.Logger, owner.ShardId, exception.Message);
            return null;
        }

        using (frame)
        {
            try
            {
                return await HandleFrameAsync(frame, lifetime).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                // A payload of the right shape but wrong types: skip it, keep the connection.
                Log.MalformedFrame(owner.Logger, owner.ShardId, exception.Message);
                return null;
            }
        }
    }

    private async Task<ConnectionOutcome?> HandleFrameAsync(GatewayFrame frame, CancellationTokenSource lifetime)
    {
        switch (frame.Op)
        {
            case GatewayOpCode.Hello:
                await HelloAsync(frame.Data, lifetime).ConfigureAwait(false);
                return null;
            case GatewayOpCode.HeartbeatAck:
                _heartbeater?.Acknowledge();
                return null;
            case GatewayOpCode.Heartbeat:
                await connection.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), heartbeat: true, lifetime.Token).ConfigureAwait(false);
                return null;
            case GatewayOpCode.Reconnect:
                await connection.CloseAsync((WebSocketCloseStatus)4000, CancellationToken.None).ConfigureAwait(false);
                return new ConnectionOutcome(CloseAction.Resume, "Discord asked for a reconnect (op 7)", Healthy: _healthy, Immediate: _healthy);
            case GatewayOpCode.InvalidSession:
                return await InvalidSessionAsync(frame.Data.ValueKind == JsonValueKind.True, lifetime.Token).ConfigureAwait(false);
            case GatewayOpCode.Dispatch:
                Dispatch(frame);
                return null;
            default:
                return null;
        }
    }

    private async Task HelloAsync(JsonElement data, CancellationTokenSource lifetime)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("heartbeat_interval", out var value) || !value.TryGetDouble(out var interval) || interval <= 0)
        {
            Log.MalformedFrame(owner.Logger, owner.ShardId, "HELLO without a positive heartbeat_interval");
            return;
        }

        _heartbeater = new Heartbeater(connection, TimeSpan.FromMilliseconds(interval), session, owner.Clock, () =>
        {
            _zombie = true;
            lifetime.Cancel();
        }, latency => owner.Status.Latency(owner.ShardId, latency));
        _heartbeat = _heartbeater.RunAsync(lifetime.Token);

        if (resuming && session is { SessionId: { } sessionId, Sequence: { } sequence })
        {
            await connection.SendAsync(GatewayPayloads.Resume(owner.Token, sessionId, sequence), heartbeat: false, lifetime.Token).ConfigureAwait(false);
            return;
        }

        // Waiting for an identify slot can take seconds; the read loop must keep reading ACKs meanwhile.
        _identify = IdentifyAsync(lifetime.Token);
    }

    private async Task IdentifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await owner.IdentifyGate.WaitTurnAsync(owner.ShardId, cancellationToken).ConfigureAwait(false);
            await connection.SendAsync(GatewayPayloads.Identify(owner.Token, owner.ShardId, owner.ShardCount), heartbeat: false, cancellationToken).ConfigureAwait(false);
            Log.Identifying(owner.Logger, owner.ShardId, owner.ShardCount, GatewayPayloads.Intents);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended first; the next one identifies again.
        }
    }

    private async Task<ConnectionOutcome> InvalidSessionAsync(bool resumable, CancellationToken cancellationToken)
    {
        Log.InvalidSession(owner.Logger, owner.ShardId, resumable);
        await connection.CloseAsync((WebSocketCloseStatus)4000, CancellationToken.None).ConfigureAwait(false);
        if (resumable && session.CanResume)
        {
            return new ConnectionOutcome(CloseAction.Resume, "invalid session (op 9, resumable)", Healthy: _healthy, Immediate: _healthy);
        }

        // A short random wait before a fresh IDENTIFY, as the docs advise for max_concurrency.
        var max = owner.Timings.InvalidSessionDelay;
        var wait = (max / 5) + (max * 0.8 * Random.Shared.NextDouble());
        await Task.Delay(wait, owner.Clock, cancellationToken).ConfigureAwait(false);
        return new ConnectionOutcome(CloseAction.NewSession, "invalid session (op 9, not resumable)", Healthy: _healthy, Immediate: _healthy);
    }

    private void Dispatch(GatewayFrame frame)
    {
        if (frame.Sequence is { } sequence)
        {
            session.Saw(sequence);
        }

        switch (frame.Type)
        {
            case "READY":
                Ready(frame.Data);
                break;
            case "RESUMED":
                _healthy = true;
                Log.Resumed(owner.Logger, owner.ShardId, session.Sequence ?? 0);
                owner.Status.Resumed(owner.ShardId);
                break;
            default:
                DispatchRouting.Forward(frame, owner.Sink, owner.Clock, owner.ShardId);
                break;
        }
    }

    private void Ready(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("session_id", out var sessionElement) || sessionElement.ValueKind != JsonValueKind.String || sessionElement.GetString() is not { Length: > 0 } sessionId
            || !data.TryGetProperty("resume_gateway_url", out var resume) || resume.ValueKind != JsonValueKind.String || !Uri.TryCreate(resume.GetString(), UriKind.Absolute, out var resumeUrl))
        {
            Log.MalformedFrame(owner.Logger, owner.ShardId, "READY without session_id or resume_gateway_url");
            return;
        }

        session.Start(sessionId, resumeUrl);
        _healthy = true;
        var user = data.TryGetProperty("user", out var u) && u.TryGetProperty("username", out var name) ? name.GetString() ?? "?" : "?";
        var guilds = data.TryGetProperty("guilds", out var g) && g.ValueKind == JsonValueKind.Array ? g.GetArrayLength() : 0;
        if (guilds > 0)
        {
            owner.Status.SawGuilds(g.EnumerateArray().Select(guild => guild.TryGetProperty("id", out var id) ? id.GetString() : null).OfType<string>());
        }

        Log.Ready(owner.Logger, owner.ShardId, user, guilds);
        owner.Status.Ready(owner.ShardId, user, guilds);
    }
}
