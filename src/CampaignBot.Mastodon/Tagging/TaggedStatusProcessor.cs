using CampaignBot.Core.Domain;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// Where every tagged status goes, whichever way it came (stream, tag poll, backfill): it counts once per post URI
/// for each tracked tag the status really carries in <c>tags[]</c>, and is shown to auto-boost. A boost is counted
/// as its original. Repeats within the recent window are not shown to auto-boost again (it dedupes durably itself).
/// </summary>
internal sealed class TaggedStatusProcessor(MentionRecorder recorder, ILogger<TaggedStatusProcessor> logger, AutoBooster? booster = null)
{
    private readonly RecentKeys _considered = new(50_000);

    /// <summary>The mentions of tracked tags in <paramref name="statuses"/>; with <paramref name="record"/> they are also queued for counting.</summary>
    public async Task<IReadOnlyList<HashtagMention>> AcceptAsync(IReadOnlyList<MastodonStatus> statuses, IReadOnlyList<string> tracked, bool record, CancellationToken cancellationToken)
    {
        var mentions = new List<HashtagMention>();
        foreach (var status in statuses)
        {
            var original = status.Reblog ?? status;
            var uri = original.Uri is { Length: > 0 } u ? u : original.Url ?? original.Id;
            var before = mentions.Count;
            foreach (var tag in TagNames.Matching(original, tracked))
            {
                mentions.Add(new HashtagMention(tag, uri, Platform.Mastodon, original.CreatedAt));
            }

            if (mentions.Count > before && _considered.Add(uri))
            {
                await ConsiderBoostAsync(status, cancellationToken).ConfigureAwait(false);
            }
        }

        if (record && mentions.Count > 0)
        {
            recorder.Enqueue(mentions);
        }

        return mentions;
    }

    // The single call site of auto-boost (Boost/AutoBooster: rules, caps, persistence and dedupe are its job).
    private async ValueTask ConsiderBoostAsync(MastodonStatus status, CancellationToken cancellationToken)
    {
        if (booster is null)
        {
            return;
        }

        try
        {
            await booster.ConsiderAsync(status, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.BoostFailed(logger, exception, status.Id);
        }
    }
}
