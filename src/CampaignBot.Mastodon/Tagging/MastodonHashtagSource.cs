using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>The hashtag poll job's view of Mastodon: new posts on the tracked tags' timelines since the last poll.</summary>
internal sealed class MastodonHashtagSource(TagPoller poller, MastodonSession session) : IHashtagSource
{
    public Platform Platform => Platform.Mastodon;

    public async Task<IReadOnlyList<HashtagMention>> PollAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        session.IsReady ? await poller.PollAsync(tags, force: false, record: false, cancellationToken).ConfigureAwait(false) : [];
}
