using System.Collections.Concurrent;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Testing.Delivery;

/// <summary>
/// Stands in for a chat platform at the sender boundary: records every post with the time it was made, refuses
/// destinations marked unreachable, and can fail a number of attempts first (to exercise retries).
/// </summary>
public sealed class RecordingSender(Platform platform = Platform.Discord, TimeProvider? clock = null) : IChatSender
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private int _failuresLeft;

    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    public ConcurrentQueue<(OutboundMessage Message, DateTimeOffset At)> Timeline { get; } = new();

    public ConcurrentQueue<OutboundMessage> Attempts { get; } = new();

    public HashSet<string> Unreachable { get; } = [];

    public Platform Platform => platform;

    /// <summary>Raised after each successful post, e.g. to complete a waiting test.</summary>
    public event Action<OutboundMessage>? Posted;

    public void FailNext(int attempts) => Interlocked.Exchange(ref _failuresLeft, attempts);

    public Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(message);
        if (Unreachable.Contains(message.Destination.Id))
        {
            return Task.FromResult(Result<SentMessage>.Fail(Error.Unavailable("Missing Access")));
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Task.FromResult(Result<SentMessage>.Fail(Error.Unavailable("503 Service Unavailable")));
        }

        Sent.Enqueue(message);
        Timeline.Enqueue((message, _clock.GetUtcNow()));
        Posted?.Invoke(message);
        return Task.FromResult(Result<SentMessage>.Ok(new SentMessage($"msg-{Sent.Count}")));
    }
}
