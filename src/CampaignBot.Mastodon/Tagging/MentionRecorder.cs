using System.Threading.Channels;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Telemetry;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// Writes tagged posts from the stream and backfill to the counting store in batches (one transaction for whatever
/// has arrived), so a burst of posts costs a few writes rather than one each. The store ignores posts it already has.
/// The queue is bounded: when the store falls behind a flood, the stream waits for it instead of piling posts up in
/// memory (where they would also make every garbage collection slower).
/// </summary>
internal sealed class MentionRecorder(IHashtagMentionSink sink, ILogger<MentionRecorder> logger)
{
    private const int MaxBatch = 2000;
    private const int Capacity = 4 * MaxBatch;

    private readonly Channel<HashtagMention> _queue = Channel.CreateBounded<HashtagMention>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private long _queued;
    private long _written;

    /// <summary>Mentions written so far (new or already known).</summary>
    public long Written => Interlocked.Read(ref _written);

    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Queues <paramref name="mentions"/> for the next batch, waiting while the queue is full.</summary>
    public async ValueTask EnqueueAsync(IReadOnlyList<HashtagMention> mentions, CancellationToken cancellationToken)
    {
        foreach (var mention in mentions)
        {
            if (!_queue.Writer.TryWrite(mention))
            {
                await _queue.Writer.WriteAsync(mention, cancellationToken).ConfigureAwait(false);
            }

            Interlocked.Increment(ref _queued);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<HashtagMention>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await DrainAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: write what has arrived, so nothing counted on the stream is lost.
            await DrainAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task DrainAsync(List<HashtagMention> batch, CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var mention))
        {
            batch.Add(mention);
            if (batch.Count < MaxBatch && _queue.Reader.Count > 0)
            {
                continue;
            }

            try
            {
                MastodonMetrics.Counted(await sink.RecordAsync(batch, cancellationToken).ConfigureAwait(false));
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next poll reads these posts again from REST; the store will take them then.
                Log.RecordFailed(logger, exception);
            }

            batch.Clear();
        }
    }
}
