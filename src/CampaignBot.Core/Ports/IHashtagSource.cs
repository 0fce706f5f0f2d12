using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Ports;

/// <summary>
/// A platform that can report posts carrying hashtags (Mastodon's tag timelines). The hashtag poll job asks every
/// source for new posts of the tracked tags and records them; a source keeps its own cursor.
/// </summary>
public interface IHashtagSource
{
    Platform Platform { get; }

    Task<IReadOnlyList<HashtagMention>> PollAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken);
}
