using CampaignBot.Core.Campaign;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>The tracked hashtags: <c>Campaign:Hashtags</c> plus those tracked with <c>hashtag track</c>, minus those untracked.</summary>
internal sealed class TrackedTags(CampaignState campaign)
{
    public Task<IReadOnlyList<string>> CurrentAsync(CancellationToken cancellationToken) => campaign.HashtagsAsync(cancellationToken);
}
