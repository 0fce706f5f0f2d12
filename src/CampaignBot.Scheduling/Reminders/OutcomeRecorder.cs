using System.Threading.Channels;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Writes send results and reminder outcomes for one dispatcher run through a single writer, in batches: a thousand
/// reminders due over a second become a few transactions instead of a thousand competing ones (which on SQLite also
/// tie up thread-pool threads waiting for the write lock, and so delay the timers of the sends still to come).
/// A send is already on record as begun before it is made, so a crash before its batch is written re-sends it with
/// the same idempotency key.
/// </summary>
internal sealed class OutcomeRecorder
{
    private readonly Channel<Entry> _entries = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Deliverer _deliverer;
    private readonly IReminderQueue _queue;
    private readonly NodeIdentity _node;
    private readonly Task _writer;

    public OutcomeRecorder(Deliverer deliverer, IReminderQueue queue, NodeIdentity node)
    {
        _deliverer = deliverer;
        _queue = queue;
        _node = node;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Queues the results; completes once they are written.</summary>
    public Task RecordAsync(IReadOnlyList<DeliveryResult> results, IReadOnlyList<ReminderOutcome> outcomes)
    {
        var entry = new Entry(results, outcomes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_entries.Writer.TryWrite(entry))
        {
            throw new InvalidOperationException("The dispatcher run has already finished recording.");
        }

        return entry.Written.Task;
    }

    /// <summary>Writes whatever is queued and stops the writer.</summary>
    public async Task CompleteAsync()
    {
        _entries.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Entry>();
        while (await _entries.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (_entries.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                await _deliverer.RecordAsync([.. batch.SelectMany(e => e.Results)]).ConfigureAwait(false);
                await _queue.CompleteAsync(_node.Id, [.. batch.SelectMany(e => e.Outcomes)], CancellationToken.None).ConfigureAwait(false);
                batch.ForEach(e => e.Written.TrySetResult());
            }
            catch (Exception exception)
            {
                // The rows stay claimed and are taken up again when their lease ends; the sends re-run idempotently.
                batch.ForEach(e => e.Written.TrySetException(exception));
            }
        }
    }

    private sealed record Entry(IReadOnlyList<DeliveryResult> Results, IReadOnlyList<ReminderOutcome> Outcomes, TaskCompletionSource Written);
}
