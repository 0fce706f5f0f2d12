using System.Collections.Concurrent;
using CampaignBot.Core.Background;
using CampaignBot.Core.Ports;

namespace CampaignBot.Commands.Services;

/// <summary>
/// Keeps event cards' counts current without flooding Discord: at most one rewrite of an action's cards every
/// <see cref="MinGap"/>, and a rewrite always follows the last change, so after a burst of presses the cards are
/// exact within <see cref="MinGap"/> plus one edit. The waiting rewrites are <see cref="BackgroundWork"/>: tracked,
/// their failures logged, and awaited when the adapters stop.
/// </summary>
public sealed class CardRefresher(EventCards cards, BackgroundWork work, TimeProvider clock) : IRsvpCountsChanged, IDisposable
{
    public static readonly TimeSpan MinGap = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<long, CardState> _states = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public void Changed(long eventId) => Request(eventId);

    /// <summary>Counts changed: rewrite the cards soon. Returns at once.</summary>
    public void Request(long eventId)
    {
        var state = _states.GetOrAdd(eventId, _ => new CardState());
        lock (state)
        {
            if (state.Pending)
            {
                return;
            }

            state.Pending = true;
        }

        work.Start($"Refreshing the cards of event {eventId}", _ => RunAsync(eventId, state), CancellationToken.None);
    }

    /// <summary>
    /// Details changed (edit, cancellation): rewrite the cards now. Organisers do this rarely, and a card showing the
    /// old time or an open RSVP on a cancelled action is worse than one edit inside the gap.
    /// </summary>
    public Task RefreshNowAsync(long eventId, CancellationToken cancellationToken) =>
        EditAsync(eventId, _states.GetOrAdd(eventId, _ => new CardState()), waitForGap: false, cancellationToken);

    // Idempotent: the container disposes it once as itself and once as the IRsvpCountsChanged it also is.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task RunAsync(long eventId, CardState state)
    {
        try
        {
            await EditAsync(eventId, state, waitForGap: true, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task EditAsync(long eventId, CardState state, bool waitForGap, CancellationToken cancellationToken)
    {
        await state.Editing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The gap is measured while holding the edit lock, so two edits can never come closer than MinGap.
            if (waitForGap && state.LastEdit is { } last && MinGap - clock.GetElapsedTime(last) is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }

            lock (state)
            {
                // Cleared before the counts are read: a change committed from here on asks for another edit.
                state.Pending = false;
            }

            if (await cards.RefreshAsync(eventId, cancellationToken).ConfigureAwait(false) > 0)
            {
                // Measured from the answer, so two edits reach Discord at least MinGap apart whatever the network does.
                state.LastEdit = clock.GetTimestamp();
            }
        }
        finally
        {
            state.Editing.Release();
        }
    }

    private sealed class CardState
    {
        public SemaphoreSlim Editing { get; } = new(1, 1);

        public bool Pending { get; set; }

        public long? LastEdit { get; set; }
    }
}
