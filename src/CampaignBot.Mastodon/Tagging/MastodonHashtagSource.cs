using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// The hashtag poll job's view of Mastodon: new posts on the tracked tags' timelines since the last poll. They go
/// through the same pipeline as streamed posts (counted and shown to auto-boost); the job records the mentions it
/// gets back as well, which the store takes as already known.
/// </summary>
internal sealed class MastodonHashtagSource(TagPoller poller, MastodonSession session) : IHashtagSource
{
    public Platform Platform => Platform.Mastodon;

    public async Task<IReadOnlyList<HashtagMention>> PollAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        session.IsReady ? await poller.PollAsync(tags, TagSource.HashtagJob, cancellationToken).ConfigureAwait(false) : [];
}
