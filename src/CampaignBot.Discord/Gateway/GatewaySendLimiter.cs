namespace CampaignBot.Discord.Gateway;

/// <summary>
/// Discord closes a connection that sends more than 120 payloads in 60 s (4008). Ordinary sends stop short of the
/// limit so heartbeats always have room.
/// </summary>
internal sealed class GatewaySendLimiter(int perWindow, TimeSpan window, TimeProvider clock)
{
    private const int HeartbeatReserve = 5;

    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    public async ValueTask WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var allowed = heartbeat ? perWindow : Math.Max(1, perWindow - HeartbeatReserve);
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = clock.GetTimestamp();
                while (_sent.Count > 0 && clock.GetElapsedTime(_sent.Peek(), now) >= window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = window - clock.GetElapsedTime(_sent.Peek(), now);
            }

            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
