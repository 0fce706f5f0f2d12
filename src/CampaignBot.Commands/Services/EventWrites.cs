using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Commands.Services;

/// <summary>
/// Writes events and personal reminders and then, once the write has committed, wakes the dispatcher for the
/// earliest reminder they now imply. The store persists the rows (EventReminders says which) with the event; the
/// wake-up is ours, so a dispatcher never runs for a row its transaction hasn't committed yet.
/// </summary>
public sealed class EventWrites(ICampaignStore store, IEnumerable<IReminderWakeup> wakeups, TimeProvider clock)
{
    private readonly IReminderWakeup[] _wakeups = [.. wakeups];

    public async Task<CampaignEvent> AddAsync(CampaignEvent draft, CancellationToken cancellationToken)
    {
        // Taken before the store takes its own: every row it writes is then among those planned here.
        var now = clock.GetUtcNow();
        var created = await store.AddEventAsync(draft, cancellationToken).ConfigureAwait(false);
        Wake(EventReminders.Earliest(created, now));
        return created;
    }

    public async Task<bool> UpdateAsync(CampaignEvent updated, CancellationToken cancellationToken)
    {
        if (!await store.UpdateEventAsync(updated, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // A change can move personal reminders too, which only the store knows: ask it what now fires first.
        if (!updated.IsCancelled)
        {
            Wake(await store.NextReminderAsync(updated.Id, cancellationToken).ConfigureAwait(false));
        }

        return true;
    }

    public async Task<PersonalReminder> AddPersonalReminderAsync(PersonalReminder draft, CancellationToken cancellationToken)
    {
        var stored = await store.AddPersonalReminderAsync(draft, cancellationToken).ConfigureAwait(false);
        Wake(await store.NextReminderAsync(stored.EventId, cancellationToken).ConfigureAwait(false));
        return stored;
    }

    private void Wake(DateTimeOffset? fireAt)
    {
        if (fireAt is { } at)
        {
            foreach (var wakeup in _wakeups)
            {
                wakeup.Wake(at);
            }
        }
    }
}
