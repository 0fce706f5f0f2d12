using System.Collections.Concurrent;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Tests;

/// <summary>Stands in for a chat platform: records what would have been posted, can be told to refuse a destination.</summary>
public sealed class RecordingSender : IChatSender
{
    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    public HashSet<string> Unreachable { get; } = [];

    public Platform Platform => Platform.Discord;

    public Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (Unreachable.Contains(message.Destination.Id))
        {
            return Task.FromResult(Result<SentMessage>.Fail(Error.Unavailable("Missing Access")));
        }

        Sent.Enqueue(message);
        return Task.FromResult(Result<SentMessage>.Ok(new SentMessage($"msg-{Sent.Count}")));
    }
}
