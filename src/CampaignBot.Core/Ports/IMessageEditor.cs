using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;

namespace CampaignBot.Core.Ports;

/// <summary>
/// Replaces a message the bot posted, on platforms whose messages can carry live event cards (Discord).
/// A platform without one gets no cards.
/// </summary>
public interface IMessageEditor
{
    Platform Platform { get; }

    Task<Result<bool>> EditAsync(Destination channel, string messageId, Reply content, CancellationToken cancellationToken);
}
