using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Streaming;

/// <summary>
/// Server-sent events for servers without the WebSocket endpoint: one long-lived <c>GET /api/v1/streaming/user</c>
/// and one <c>/hashtag?tag=</c> per tracked tag. Events are <c>event:</c>/<c>data:</c> lines ended by a blank line;
/// <c>:</c> lines are comments (the <c>:)</c> opener and <c>:thump</c> heartbeats). When the tracked tags change the
/// connections are made again (a gap the runner backfills).
/// </summary>
internal sealed class SseStream(HttpClient http, ILogger logger, TimeProvider clock)
{
    public async Task<StreamOutcome> RunAsync(StreamContext context, CancellationToken cancellationToken)
    {
        var tags = await context.ReadTags(cancellationToken).ConfigureAwait(false);
        context.Subscriptions.Set(tags);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streams = new List<(string Name, Uri Url)> { ("user", Url(context.StreamingBase, "api/v1/streaming/user")) };
        streams.AddRange(tags.Select(tag => ($"#{tag}", Url(context.StreamingBase, $"api/v1/streaming/hashtag?tag={Uri.EscapeDataString(tag)}"))));

        var responses = new List<HttpResponseMessage>();
        try
        {
            foreach (var (name, url) in streams)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.Token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, session.Token).ConfigureAwait(false);
                }
                catch (HttpRequestException exception)
                {
                    return StreamOutcome.Dropped($"could not connect: {exception.Message}", wasConnected: false);
                }

                responses.Add(response);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or >= HttpStatusCode.InternalServerError)
                {
                    return StreamOutcome.NotAvailable($"GET {url.AbsolutePath} ({name}) was answered HTTP {(int)response.StatusCode}");
                }

                if (!response.IsSuccessStatusCode)
                {
                    return StreamOutcome.Dropped($"HTTP {(int)response.StatusCode} for {name}", wasConnected: false);
                }
            }

            Log.StreamConnected(logger, "server-sent events", Url(context.StreamingBase, "api/v1/streaming").ToString());
            Log.Subscribed(logger, string.Join(", ", streams.Select(s => s.Name)));
            await context.Connected(tags).ConfigureAwait(false);
            var readers = responses.Select(r => ReadAsync(r, context, session.Token)).ToList();
            readers.Add(WatchTagsAsync(context, tags, session.Token));
            var first = await Task.WhenAny(readers).ConfigureAwait(false);
            await session.CancelAsync().ConfigureAwait(false);
            try
            {
                return await first.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return StreamOutcome.Dropped(exception.Message, wasConnected: true);
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private async Task<StreamOutcome> WatchTagsAsync(StreamContext context, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(context.TagRefreshInterval, clock, cancellationToken).ConfigureAwait(false);
            var now = await context.ReadTags(cancellationToken).ConfigureAwait(false);
            if (!now.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(tags.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
            {
                return StreamOutcome.Dropped("the tracked hashtags changed", wasConnected: true);
            }
        }
    }

    private async Task<StreamOutcome> ReadAsync(HttpResponseMessage response, StreamContext context, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Length > 0)
                {
                    await context.Dispatcher.DispatchAsync(new StreamEvent(name ?? "message", [], Encoding.UTF8.GetBytes(data.ToString())), cancellationToken).ConfigureAwait(false);
                }

                name = null;
                data.Clear();
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                data.Append(data.Length > 0 ? "\n" : string.Empty).Append(value);
            }
        }

        return StreamOutcome.Dropped("the server ended the event stream", wasConnected: true);
    }

    private static Uri Url(Uri streamingBase, string relative)
    {
        var builder = new UriBuilder(streamingBase) { Scheme = streamingBase.Scheme is "wss" or "https" ? "https" : "http" };
        builder.Path = builder.Path.TrimEnd('/') + "/";
        return new Uri(builder.Uri, relative);
    }
}
