using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignBot.Scheduling.Jobs;

/// <summary>Asks every hashtag source for new posts of the tracked tags and counts them (once per post URI).</summary>
[DisallowConcurrentExecution]
public sealed class HashtagPollJob(
    IEnumerable<IHashtagSource> sources,
    IHashtagMentionSink sink,
    CampaignState campaign,
    ILogger<HashtagPollJob> logger) : IJob
{
    public static readonly JobKey Key = new("poll", "hashtags");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var tags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        if (tags.Count == 0)
        {
            return;
        }

        foreach (var source in sources)
        {
            try
            {
                var mentions = await source.PollAsync(tags, cancellationToken).ConfigureAwait(false);
                var added = await sink.RecordAsync(mentions, cancellationToken).ConfigureAwait(false);
                Log.HashtagsPolled(logger, source.Platform.ToString(), mentions.Count, added);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One source failing must not stop the others; the next poll tries again.
                Log.HashtagPollFailed(logger, exception, source.Platform.ToString());
            }
        }
    }
}
