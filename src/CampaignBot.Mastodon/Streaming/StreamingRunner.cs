using CampaignBot.Adapters;
using CampaignBot.Core.Background;
using CampaignBot.Mastodon.Mentions;
using CampaignBot.Mastodon.Tagging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Streaming;

/// <summary>
/// Keeps the bot listening: WebSocket first, server-sent events where the server has no WebSocket endpoint, REST
/// polling where it has no streaming at all. A dropped stream is reconnected with capped exponential backoff and
/// jitter, and every (re)connection is followed by a REST backfill of mentions and tags from the last seen ids,
/// so whatever happened during the gap is still handled. When the streaming endpoints refuse (401, 404, 5xx) the bot
/// polls, but tries streaming again now and then (doubling up to <c>Mastodon:StreamingRetryInterval</c>), so a stream
/// that comes back is used again without a restart; <c>status</c> says which mode is active and why.
/// </summary>
internal sealed class StreamingRunner(
    NotificationPump pump,
    TagPoller tags,
    TrackedTags tracked,
    TagSubscriptions subscriptions,
    StreamDispatcher dispatcher,
    StreamingHttp streamingHttp,
    MastodonAdapterStatus status,
    BackgroundWork background,
    IOptions<MastodonOptions> options,
    ILoggerFactory loggers,
    TimeProvider clock)
{
    // Live posts go first: the backfill after a connection starts this much later, so a post streamed the moment the
    // bot subscribes is boosted without sharing the two cores with the catch-up (measured: `start`'s first boost,
    // median 6 ms against 2.4 ms with the catch-up out of its way). The gap is old news; it waits a quarter second.
    internal static readonly TimeSpan LiveFirst = TimeSpan.FromMilliseconds(250);

    private readonly ILogger _logger = loggers.CreateLogger<StreamingRunner>();
    private readonly MastodonOptions _options = options.Value;

    public async Task RunAsync(Uri streamingBase, CancellationToken cancellationToken)
    {
        var configured = _options.Streaming.ToLowerInvariant() switch
        {
            "sse" => StreamingMode.ServerSentEvents,
            "polling" => StreamingMode.Polling,
            _ => StreamingMode.WebSocket,
        };
        var mode = configured;
        var retry = new Backoff(_options.ReconnectDelay, _options.StreamingRetryInterval);
        string? fallbackReason = null;
        var backoff = new Backoff(_options.ReconnectDelay, _options.MaxReconnectDelay);
        var context = new StreamContext(streamingBase, _options.AccessToken, dispatcher, subscriptions, ReadTagsAsync, added => ConnectedAsync(mode, added, cancellationToken), _options.TagRefreshInterval);
        var webSocket = new WebSocketStream(_logger, clock);
        var sse = new SseStream(streamingHttp.Client, _logger, clock);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (mode == StreamingMode.Polling)
            {
                if (configured == StreamingMode.Polling)
                {
                    await PollAsync(null, "configured (Mastodon:Streaming is polling)", cancellationToken).ConfigureAwait(false);
                    return;
                }

                var wait = retry.Next();
                Log.StreamRetryLater(_logger, wait.TotalSeconds);
                await PollAsync(wait, $"{fallbackReason}; streaming is tried again in {wait.TotalSeconds:0} s", cancellationToken).ConfigureAwait(false);
                mode = configured;
                continue;
            }

            var current = mode;
            context = context with { Connected = added => ConnectedAsync(current, added, cancellationToken) };
            var outcome = current == StreamingMode.WebSocket
                ? await webSocket.RunAsync(context, cancellationToken).ConfigureAwait(false)
                : await sse.RunAsync(context, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (outcome.Unsupported)
            {
                var next = current == StreamingMode.WebSocket ? StreamingMode.ServerSentEvents : StreamingMode.Polling;
                Log.StreamFallback(_logger, Describe(current), outcome.Reason, Describe(next));
                status.Error($"{Describe(current)} unavailable: {outcome.Reason}");
                fallbackReason = $"{Describe(current)} unavailable: {outcome.Reason}";
                mode = next;
                continue;
            }

            if (outcome.WasConnected)
            {
                backoff.Reset();
                retry.Reset();
            }

            var delay = backoff.Next();
            Log.StreamReconnecting(_logger, outcome.Reason, delay.TotalMilliseconds);
            status.Reconnecting(outcome.Reason);
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<string>> ReadTagsAsync(CancellationToken cancellationToken)
    {
        var current = await tracked.CurrentAsync(cancellationToken).ConfigureAwait(false);
        subscriptions.Set(current);
        return current;
    }

    private Task ConnectedAsync(StreamingMode mode, IReadOnlyList<string> added, CancellationToken cancellationToken)
    {
        status.Listening(mode, null);

        // The gap before this connection (or since a tag was added) is read from REST beside the stream, once the
        // stream's first live posts have had the cores.
        var reason = $"connecting over {Describe(mode)}";
        background.Start($"Mastodon: backfill after {reason}", token => BackfillAsync(added, reason, token), cancellationToken);
        return Task.CompletedTask;
    }

    private async Task BackfillAsync(IReadOnlyList<string> tagList, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(LiveFirst, clock, cancellationToken).ConfigureAwait(false);
            var mentions = await pump.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var tagged = await tags.PollAsync(tagList, TagSource.Backfill, cancellationToken).ConfigureAwait(false);
            Log.Backfilled(_logger, mentions, tagged.Count, reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.MentionsFailed(_logger, exception.Message);
            status.Error($"backfill: {exception.Message}");
        }
    }

    // Polls until cancelled, or for the time given (then streaming is tried again).
    private async Task PollAsync(TimeSpan? duration, string why, CancellationToken cancellationToken)
    {
        status.Listening(StreamingMode.Polling, why);
        var until = duration is { } d ? clock.GetUtcNow() + d : DateTimeOffset.MaxValue;
        while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() < until)
        {
            pump.Poke();
            try
            {
                var current = await ReadTagsAsync(cancellationToken).ConfigureAwait(false);
                await tags.PollAsync(current, TagSource.Poll, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                status.Error($"polling: {exception.Message}");
            }

            var left = until - clock.GetUtcNow();
            await Task.Delay(left < _options.PollInterval ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : _options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(StreamingMode mode) => mode switch
    {
        StreamingMode.WebSocket => "WebSocket",
        StreamingMode.ServerSentEvents => "server-sent events",
        _ => "REST polling",
    };
}
