using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;

namespace CampaignBot.Core.Ports;

/// <summary>Posts to destinations on one platform. One implementation per platform.</summary>
public interface IChatSender
{
    Platform Platform { get; }

    /// <summary>
    /// Posts <paramref name="message"/>. The idempotency key is stable for one (message, destination) pair, so a
    /// retry after a crash can be recognised by the platform where it supports that.
    /// </summary>
    Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
