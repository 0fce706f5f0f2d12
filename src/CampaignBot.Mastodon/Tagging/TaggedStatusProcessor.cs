using CampaignBot.Core.Domain;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// Where every tagged status goes, whichever way it came (stream, tag poll, backfill): it counts once per post URI
/// for each tracked tag the status really carries in <c>tags[]</c>, and is shown to auto-boost. A boost is counted
/// as its original. The bot's own posts (its reminders carry the campaign tags) are not the movement's: they are
/// neither counted nor boosted. Posts auto-boost decided lately are not shown to it again (it dedupes durably itself).
/// Poll pages are decided as one batch before <see cref="AcceptAsync"/> returns; streamed posts are queued, so the
/// stream reads on while auto-boost decides what has arrived in batches.
/// </summary>
internal sealed class TaggedStatusProcessor(MentionRecorder recorder, BoostQueue boosts, MastodonSession session)
{
    /// <summary>The mentions of tracked tags in <paramref name="statuses"/>; with <paramref name="record"/> they are also queued for counting.</summary>
    public async Task<IReadOnlyList<HashtagMention>> AcceptAsync(IReadOnlyList<MastodonStatus> statuses, IReadOnlyList<string> tracked, bool record, CancellationToken cancellationToken)
    {
        var mentions = new List<HashtagMention>();
        var fresh = new List<MastodonStatus>();
        foreach (var status in statuses)
        {
            if (Match(status, tracked, mentions))
            {
                fresh.Add(status);
            }
        }

        if (record && mentions.Count > 0)
        {
            await recorder.EnqueueAsync(mentions, cancellationToken).ConfigureAwait(false);
        }

        // The single call site of auto-boost for pages (Boost/AutoBooster: rules, caps, persistence and dedupe are its job).
        await boosts.ConsiderAsync(fresh, cancellationToken).ConfigureAwait(false);
        return mentions;
    }

    /// <summary>A status from the stream: queued for counting and for auto-boost (waiting while either queue is full).</summary>
    public async ValueTask AcceptStreamedAsync(MastodonStatus status, IReadOnlyList<string> tracked, CancellationToken cancellationToken)
    {
        var mentions = new List<HashtagMention>(1);
        if (Match(status, tracked, mentions))
        {
            await boosts.EnqueueAsync(status, cancellationToken).ConfigureAwait(false);
        }

        if (mentions.Count > 0)
        {
            await recorder.EnqueueAsync(mentions, cancellationToken).ConfigureAwait(false);
        }
    }

    // Adds the status's mentions; true when it carries a tracked tag and auto-boost has not decided about it lately.
    private bool Match(MastodonStatus status, IReadOnlyList<string> tracked, List<HashtagMention> mentions)
    {
        var original = status.Reblog ?? status;
        if (session.IsMe(original.Account))
        {
            return false;
        }

        var uri = original.Uri is { Length: > 0 } u ? u : original.Url ?? original.Id;
        var before = mentions.Count;
        foreach (var tag in TagNames.Matching(original, tracked))
        {
            mentions.Add(new HashtagMention(tag, uri, Platform.Mastodon, original.CreatedAt));
        }

        return mentions.Count > before && boosts.Enabled && !boosts.DecidedLately(AutoBooster.StatusKey(original));
    }
}
