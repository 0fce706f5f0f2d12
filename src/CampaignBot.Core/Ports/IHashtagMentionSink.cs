using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Ports;

/// <summary>Where platform adapters report tagged posts; the counting store keeps unique posts per hour.</summary>
public interface IHashtagMentionSink
{
    /// <summary>Records mentions; a post already recorded for a tag is ignored. Returns how many were new.</summary>
    Task<int> RecordAsync(IReadOnlyList<HashtagMention> mentions, CancellationToken cancellationToken);
}
