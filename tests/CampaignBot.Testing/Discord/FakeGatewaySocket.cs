using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

/// <summary>One bot connection to the fake gateway: serialised sends, whole-message receives.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim without a wait handle needs no disposal.")]
internal sealed class FakeGatewaySocket(WebSocket socket, int index, string path)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Queue<DateTime> _received = new();

    public int Index => index;

    public string Path => path;

    public bool Open => socket.State == WebSocketState.Open;

    public async Task SendAsync(JsonNode payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _send.Release();
        }
    }

    public Task SendRawAsync(string json) => SendBytesAsync(Encoding.UTF8.GetBytes(json));

    public async Task SendBytesAsync(ReadOnlyMemory<byte> frame)
    {
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _send.Release();
        }
    }

    public async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    /// <summary>Discord's send limit: true when this payload is beyond 120 in 60 s.</summary>
    public bool OverSendLimit()
    {
        var now = DateTime.UtcNow;
        _received.Enqueue(now);
        while (_received.Peek() < now.AddSeconds(-60))
        {
            _received.Dequeue();
        }

        return _received.Count > 120;
    }

    public async Task CloseAsync(int code)
    {
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake gateway", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Abort();
        }
        finally
        {
            _send.Release();
        }
    }

    public void Abort()
    {
        try
        {
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request finished (the bot closed first) while we were aborting.
        }
    }
}
