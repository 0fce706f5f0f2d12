using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Streaming;

/// <summary>
/// One WebSocket to <c>/api/v1/streaming</c> (token in the Authorization header), multiplexing the <c>user</c> stream
/// and one <c>hashtag</c> stream per tracked tag; subscriptions follow the tracked tags as they change. A receive is
/// always pending, so .NET answers the server's pings.
/// </summary>
internal sealed class WebSocketStream(ILogger logger, TimeProvider clock)
{
    public async Task<StreamOutcome> RunAsync(StreamContext context, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(context.StreamingBase) { Scheme = context.StreamingBase.Scheme is "https" or "wss" ? "wss" : "ws" };
        url.Path = url.Path.TrimEnd('/') + "/api/v1/streaming";
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {context.Token}");
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            using var connectLimit = new CancellationTokenSource(TimeSpan.FromSeconds(15), clock);
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectLimit.Token);
            await socket.ConnectAsync(url.Uri, connect.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return socket.HttpStatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.UpgradeRequired or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.OK or >= HttpStatusCode.InternalServerError
                ? StreamOutcome.NotAvailable($"the WebSocket upgrade was answered HTTP {(int)socket.HttpStatusCode}")
                : StreamOutcome.Dropped($"could not connect: {exception.Message}", wasConnected: false);
        }

        var subscribed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var tags = await context.ReadTags(cancellationToken).ConfigureAwait(false);
            context.Subscriptions.Set(tags);
            await SendAsync(socket, new SubscribeMessage("subscribe", "user"), cancellationToken).ConfigureAwait(false);
            foreach (var tag in tags)
            {
                await SendAsync(socket, new SubscribeMessage("subscribe", "hashtag", tag), cancellationToken).ConfigureAwait(false);
                subscribed.Add(tag);
            }

            Log.StreamConnected(logger, "WebSocket", url.Uri.GetLeftPart(UriPartial.Path));
            Log.Subscribed(logger, string.Join(", ", ["user", .. tags.Select(t => "#" + t)]));
            await context.Connected(tags).ConfigureAwait(false);
            return await ReadAsync(socket, context, subscribed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return StreamOutcome.Dropped(exception.Message, wasConnected: true);
        }
        finally
        {
            if (socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2), clock);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", close.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
                {
                    // Going anyway.
                }
            }
        }
    }

    private async Task<StreamOutcome> ReadAsync(ClientWebSocket socket, StreamContext context, HashSet<string> subscribed, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var refresh = Task.Delay(context.TagRefreshInterval, clock, stop.Token);
        var receive = socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
        try
        {
            while (true)
            {
                if (!receive.IsCompleted && await Task.WhenAny(receive, refresh).ConfigureAwait(false) == refresh)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    refresh = Task.Delay(context.TagRefreshInterval, clock, stop.Token);
                    await ResubscribeAsync(socket, context, subscribed, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (await ReceivedAsync(socket, await receive.ConfigureAwait(false), buffer, message, context, cancellationToken).ConfigureAwait(false) is { } outcome)
                {
                    return outcome;
                }

                receive = socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task<StreamOutcome?> ReceivedAsync(ClientWebSocket socket, WebSocketReceiveResult result, byte[] buffer, MemoryStream message, StreamContext context, CancellationToken cancellationToken)
    {
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return StreamOutcome.Dropped($"the server closed the stream ({socket.CloseStatus} {socket.CloseStatusDescription})".TrimEnd(), wasConnected: true);
        }

        message.Write(buffer, 0, result.Count);
        if (result.EndOfMessage)
        {
            if (result.MessageType == WebSocketMessageType.Text)
            {
                await HandleFrameAsync(message.GetBuffer().AsMemory(0, (int)message.Length), context, cancellationToken).ConfigureAwait(false);
            }

            message.SetLength(0);
        }

        return null;
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> frame, StreamContext context, CancellationToken cancellationToken)
    {
        if (StreamFrames.Parse(frame.Span, out var problem) is { } streamEvent)
        {
            await context.Dispatcher.DispatchAsync(streamEvent, cancellationToken).ConfigureAwait(false);
        }
        else if (problem?.StartsWith("server error", StringComparison.Ordinal) == true)
        {
            Log.StreamError(logger, problem);
        }
        else
        {
            Log.MalformedFrame(logger, problem ?? "unreadable frame");
        }
    }

    private async Task ResubscribeAsync(ClientWebSocket socket, StreamContext context, HashSet<string> subscribed, CancellationToken cancellationToken)
    {
        var tags = await context.ReadTags(cancellationToken).ConfigureAwait(false);
        context.Subscriptions.Set(tags);
        var added = tags.Where(tag => !subscribed.Contains(tag)).ToList();
        var removed = subscribed.Where(tag => !tags.Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var tag in removed)
        {
            await SendAsync(socket, new SubscribeMessage("unsubscribe", "hashtag", tag), cancellationToken).ConfigureAwait(false);
            subscribed.Remove(tag);
        }

        foreach (var tag in added)
        {
            await SendAsync(socket, new SubscribeMessage("subscribe", "hashtag", tag), cancellationToken).ConfigureAwait(false);
            subscribed.Add(tag);
        }

        if (added.Count > 0 || removed.Count > 0)
        {
            Log.Subscribed(logger, string.Join(", ", ["user", .. subscribed.Select(t => "#" + t)]));
            if (added.Count > 0)
            {
                await context.Connected(added).ConfigureAwait(false);
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, SubscribeMessage message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, RequestJsonContext.Default.SubscribeMessage), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
