using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;

namespace CampaignBot.Testing.Mastodon;

/// <summary>One open streaming connection (a WebSocket, or one SSE stream) and what it is subscribed to.</summary>
internal sealed class FakeStreamConnection(WebSocket? socket, Stream? sse, CancellationTokenSource drop) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);

    /// <summary><c>user</c>, or <c>hashtag:&lt;lower-cased tag&gt;</c> → the tag as the client spelled it.</summary>
    public ConcurrentDictionary<string, string> Subscriptions { get; } = new(StringComparer.Ordinal);

    public bool IsWebSocket => socket is not null;

    public CancellationToken Dropped => drop.Token;

    public async Task SendAsync(string text)
    {
        await _send.WaitAsync(drop.Token).ConfigureAwait(false);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (socket is not null)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, drop.Token).ConfigureAwait(false);
            }
            else
            {
                await sse!.WriteAsync(bytes, drop.Token).ConfigureAwait(false);
                await sse.FlushAsync(drop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    public void Drop()
    {
        try
        {
            drop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        socket?.Abort();
    }

    public void Dispose()
    {
        _send.Dispose();
        drop.Dispose();
    }
}
