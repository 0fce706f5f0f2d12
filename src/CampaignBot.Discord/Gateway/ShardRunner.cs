using System.Net.WebSockets;
using System.Text.Json;
using CampaignBot.Adapters;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord.Gateway;

/// <summary>
/// One shard's gateway connection, reconnecting until shutdown or a fatal close code: HELLO → heartbeats →
/// IDENTIFY or RESUME → dispatches. Dispatches leave the read loop at once through <see cref="IDispatchSink"/>.
/// </summary>
internal sealed class ShardRunner(ShardContext context)
{
    private readonly ResumeState _session = new();

    public ResumeState Session => _session;

    public async Task<GatewayStop> RunAsync(Uri gatewayUrl, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(context.Timings.InitialReconnectDelay, context.Timings.MaxReconnectDelay);
        while (!cancellationToken.IsCancellationRequested)
        {
            var resuming = _session.CanResume;
            var url = resuming ? _session.ResumeUrl! : gatewayUrl;
            var outcome = await ConnectAsync(url, resuming, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (outcome.Action == CloseAction.Fatal)
            {
                return new GatewayStop(outcome.CloseCode, outcome.Reason);
            }

            if (outcome.Action == CloseAction.NewSession)
            {
                _session.Clear();
            }

            if (outcome.Healthy)
            {
                backoff.Reset();
            }

            var delay = outcome.Immediate ? TimeSpan.Zero : backoff.Next();
            Log.Reconnecting(context.Logger, context.ShardId, outcome.Reason, _session.CanResume ? "resume" : "identify", delay.TotalMilliseconds);
            context.Status.Reconnecting(context.ShardId, outcome.Reason);
            try
            {
                await Task.Delay(delay, context.Clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return GatewayStop.Shutdown;
    }

    private static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url);
        if (!builder.Query.Contains("v=", StringComparison.Ordinal))
        {
            builder.Query = "v=10&encoding=json";
        }

        return builder.Uri;
    }

    private async Task<ConnectionOutcome> ConnectAsync(Uri url, bool resuming, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        using var connectLimit = new CancellationTokenSource(context.Timings.ConnectTimeout, context.Clock);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectLimit.Token);
        try
        {
            Log.Connecting(context.Logger, context.ShardId, WithQuery(url).GetLeftPart(UriPartial.Path), resuming ? "resume" : "identify");
            await socket.ConnectAsync(WithQuery(url), connectTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            return new ConnectionOutcome(CloseAction.Resume, $"could not connect ({exception.Message})");
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        using var connection = new GatewaySocket(socket, new GatewaySendLimiter(context.Timings.SendsPerWindow, context.Timings.SendWindow, context.Clock), context.Timings.CloseTimeout, context.Clock);
        return await new GatewayReadLoop(context, _session, connection, resuming).RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
