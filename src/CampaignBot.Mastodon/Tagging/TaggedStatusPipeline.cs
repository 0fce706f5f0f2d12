using CampaignBot.Core.Domain;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// The one way in for tagged statuses, whichever way they came (<see cref="TagSource"/>): each counts once per post
/// (<see cref="StatusKey"/>) for each tracked tag it really carries in <c>tags[]</c>, and is shown to auto-boost. A
/// boost is counted as its original. The bot's own posts (its reminders carry the campaign tags) are not the
/// movement's: they are neither counted nor boosted. Posts auto-boost decided lately are not shown to it again (it
/// dedupes durably itself). Pages are decided as one batch before <see cref="AcceptAsync"/> returns, so a tag's
/// cursor never moves past an undecided post; streamed posts are queued, so the stream reads on while auto-boost
/// decides what has arrived in batches.
/// </summary>
internal sealed class TaggedStatusPipeline(MentionRecorder recorder, BoostQueue boosts, MastodonSession session)
{
    /// <summary>Counts and boosts the tracked tags' posts among <paramref name="statuses"/>; returns their mentions.</summary>
    public async ValueTask<IReadOnlyList<HashtagMention>> AcceptAsync(
        IReadOnlyList<MastodonStatus> statuses, IReadOnlyList<string> tracked, TagSource source, CancellationToken cancellationToken)
    {
        var mentions = new List<HashtagMention>(statuses.Count);
        List<MastodonStatus>? fresh = null;
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i];
            if (!Match(status, tracked, mentions))
            {
                continue;
            }

            if (source == TagSource.Stream)
            {
                await boosts.EnqueueAsync(status, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (fresh ??= new List<MastodonStatus>(statuses.Count)).Add(status);
            }
        }

        if (mentions.Count > 0)
        {
            await recorder.EnqueueAsync(mentions, cancellationToken).ConfigureAwait(false);
        }

        if (fresh is not null)
        {
            // The single call site of auto-boost for pages (Boost/AutoBooster: rules, caps, persistence and dedupe are its job).
            await boosts.ConsiderAsync(fresh, cancellationToken).ConfigureAwait(false);
        }

        return mentions;
    }

    // Adds the status's mentions; true when it carries a tracked tag and auto-boost has not decided about it lately.
    private bool Match(MastodonStatus status, IReadOnlyList<string> tracked, List<HashtagMention> mentions)
    {
        var original = status.Reblog ?? status;
        if (session.IsMe(original.Account))
        {
            return false;
        }

        var key = StatusKey.Of(original);
        var before = mentions.Count;
        foreach (var tag in TagNames.Matching(original, tracked))
        {
            mentions.Add(new HashtagMention(tag, key, Platform.Mastodon, original.CreatedAt));
        }

        return mentions.Count > before && boosts.Enabled && !boosts.DecidedLately(key);
    }
}
