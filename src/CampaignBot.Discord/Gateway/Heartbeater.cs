namespace CampaignBot.Discord.Gateway;

/// <summary>
/// Beats every <c>heartbeat_interval</c>, the first after a random fraction of it. When the previous beat was never
/// acknowledged the connection is a zombie: <paramref name="onZombie"/> runs and beating stops.
/// </summary>
internal sealed class Heartbeater(GatewaySocket connection, TimeSpan interval, ResumeState session, TimeProvider clock, Action onZombie, Action<TimeSpan> onLatency)
{
    private int _acknowledged = 1;
    private long _sentAt;

    /// <summary>Starts beating; returns at once (the first beat waits) with the loop's task, which ends on cancellation.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => LoopAsync(cancellationToken);

    public void Acknowledge()
    {
        Volatile.Write(ref _acknowledged, 1);
        if (Volatile.Read(ref _sentAt) is var sent and > 0)
        {
            onLatency(clock.GetElapsedTime(sent));
        }
    }

    /// <summary>The server asked for a beat (op 1): send one now, outside the schedule.</summary>
    public ValueTask BeatNowAsync(CancellationToken cancellationToken) =>
        connection.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), heartbeat: true, cancellationToken);

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var delay = interval * Random.Shared.NextDouble();
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
                if (Interlocked.Exchange(ref _acknowledged, 0) == 0)
                {
                    onZombie();
                    return;
                }

                Volatile.Write(ref _sentAt, clock.GetTimestamp());
                await connection.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), heartbeat: true, cancellationToken).ConfigureAwait(false);
                delay = interval;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The socket is going away; the receive loop sees that and reconnects.
        }
    }
}
