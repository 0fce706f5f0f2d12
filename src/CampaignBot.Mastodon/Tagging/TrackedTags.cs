using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>The tracked hashtags: <c>Campaign:Hashtags</c> plus those tracked with <c>hashtag track</c>, minus those untracked.</summary>
internal sealed class TrackedTags(ICampaignStore store, IOptions<CampaignOptions> campaign)
{
    public async Task<IReadOnlyList<string>> CurrentAsync(CancellationToken cancellationToken) =>
        Hashtags.Effective(campaign.Value.Hashtags, await store.ListHashtagChangesAsync(cancellationToken).ConfigureAwait(false));
}
