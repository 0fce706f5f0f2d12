using System.Threading.Channels;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// Hands tagged posts to auto-boost in batches: the stream queues each post here and reads on, and the loop gives
/// auto-boost whatever has arrived as one batch (one lookup and one write for its skips), or a lone post at once, so
/// a busy tag costs a few transactions and a quiet one no wait. Poll pages are decided as a batch by their caller.
/// The queue holds a few batches: when auto-boost falls behind a flood, the stream waits for it rather than piling
/// whole statuses up in memory. Posts are remembered as decided only once their decision is stored: one still queued
/// (or whose decision failed) is decided again when a poll page or backfill brings it, before the tag's cursor moves
/// past it, so stopping with posts queued or a failed write loses no decision.
/// </summary>
internal sealed class BoostQueue(AutoBooster booster, TimeProvider clock, ILogger<BoostQueue> logger)
{
    private const int MaxBatch = 500;

    // Shutdown decides what has arrived (the posts are stored with their decision), but does not wait forever.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5);

    // A post arriving within Burst of the last batch means a busy tag: wait GatherFor so the next batch holds the
    // dozens that arrive meanwhile, not one post and a transaction each. After a quiet spell a post goes at once.
    private static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan GatherFor = TimeSpan.FromMilliseconds(1);

    private const int Capacity = 4 * MaxBatch;

    private readonly Channel<MastodonStatus> _queue = Channel.CreateBounded<MastodonStatus>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private long _queued;
    private long _done;
    private long _lastBatchEnd;
    private readonly RecentKeys _decided = new(50_000);

    /// <summary>Posts queued so far.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Posts handed to auto-boost so far (decided, or failed and logged).</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>False with <c>Mastodon:Boost:Enabled</c> off: then nothing is queued at all.</summary>
    public bool Enabled => booster.Enabled;

    /// <summary>Queues <paramref name="status"/> for the next batch, waiting while the queue is full.</summary>
    public async ValueTask EnqueueAsync(MastodonStatus status, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(status))
        {
            await _queue.Writer.WriteAsync(status, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _queued);
    }

    /// <summary>Whether the post of <paramref name="key"/> was decided lately (auto-boost need not be shown it again).</summary>
    public bool DecidedLately(string key) => _decided.Contains(key);

    /// <summary>Decides about <paramref name="statuses"/> now, as one batch (a poll page).</summary>
    public async Task ConsiderAsync(IReadOnlyList<MastodonStatus> statuses, CancellationToken cancellationToken)
    {
        if (!booster.Enabled || statuses.Count == 0)
        {
            return;
        }

        try
        {
            await booster.ConsiderAllAsync(statuses, cancellationToken).ConfigureAwait(false);
            foreach (var status in statuses)
            {
                _decided.Add(StatusKey.Of(status.Reblog ?? status));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nothing was claimed for posts whose decision failed: the next poll or backfill shows them again.
            Log.BoostFailed(logger, exception, statuses[0].Id);
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<MastodonStatus>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_queue.Reader.Count < MaxBatch && clock.GetElapsedTime(_lastBatchEnd) < Burst)
                {
                    await Task.Delay(GatherFor, clock, cancellationToken).ConfigureAwait(false);
                }

                await DrainAsync(batch, cancellationToken).ConfigureAwait(false);
                _lastBatchEnd = clock.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            using var limit = new CancellationTokenSource(DrainLimit, clock);
            try
            {
                await DrainAsync(batch, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                // What is left is seen again by backfill after the restart.
            }
        }
    }

    private async Task DrainAsync(List<MastodonStatus> batch, CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var status))
        {
            batch.Add(status);
            if (batch.Count < MaxBatch && _queue.Reader.Count > 0)
            {
                continue;
            }

            await ConsiderAsync(batch, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _done, batch.Count);
            batch.Clear();
        }
    }
}
