using System.Net.WebSockets;

namespace CampaignBot.Discord.Gateway;

/// <summary>One gateway WebSocket: whole-message receive into a reused buffer, paced and serialised sends.</summary>
internal sealed class GatewaySocket(ClientWebSocket socket, GatewaySendLimiter limiter, TimeSpan closeTimeout, TimeProvider clock) : IDisposable
{
    /// <summary>Discord closes with 4002 for anything bigger.</summary>
    public const int MaxSendBytes = 4096;

    private const int MaxReceiveBytes = 64 * 1024 * 1024;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = new byte[16 * 1024];

    public async ValueTask<GatewayMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                if (_buffer.Length >= MaxReceiveBytes)
                {
                    throw new WebSocketException(WebSocketError.HeaderError, "gateway message larger than 64 MiB");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new GatewayMessage(default, Closed: true, (int?)socket.CloseStatus);
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return new GatewayMessage(_buffer.AsMemory(0, length), Closed: false, null);
            }
        }
    }

    public async ValueTask SendAsync(byte[] payload, bool heartbeat, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxSendBytes)
        {
            throw new InvalidOperationException($"Gateway payload of {payload.Length} bytes exceeds Discord's {MaxSendBytes}.");
        }

        await limiter.WaitAsync(heartbeat, cancellationToken).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Closes with <paramref name="code"/>: 1000 ends the session; anything else (4000) keeps it resumable. Gives up
    /// waiting for the server after the close timeout and drops the socket.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus code, CancellationToken cancellationToken)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var limit = new CancellationTokenSource(closeTimeout, clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await socket.CloseOutputAsync(code, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    public void Abort() => socket.Abort();

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
    }
}
