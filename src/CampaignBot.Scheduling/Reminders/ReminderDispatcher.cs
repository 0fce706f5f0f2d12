using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Claims due reminders, decides on time / late / missed, records each send decision in the delivery log before the
/// due instant, makes the sends at the due instant, and records outcomes (with retries and backoff on failure).
/// </summary>
public sealed class ReminderDispatcher(
    IReminderQueue queue,
    ICampaignStore store,
    Deliverer deliverer,
    NodeIdentity node,
    IOptions<SchedulingOptions> options,
    IOptions<CampaignOptions> campaign,
    TimeProvider clock,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>Claims this far ahead, so the send decision is on record before the due instant arrives.</summary>
    public static readonly TimeSpan ClaimAhead = TimeSpan.FromMilliseconds(250);

    private const int Batch = 1000;

    /// <summary>Handles every reminder due now or within <see cref="ClaimAhead"/>; returns how many were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await queue.ClaimAsync(node.Id, clock.GetUtcNow() + ClaimAhead, options.Value.Lease, Batch, cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                break;
            }

            await HandleAsync(due, cancellationToken).ConfigureAwait(false);
            handled += due.Count;
        }

        return handled;
    }

    private async Task HandleAsync(IReadOnlyList<DueReminder> due, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var hashtags = Hashtags.Effective(campaign.Value.Hashtags, await store.ListHashtagChangesAsync(cancellationToken).ConfigureAwait(false));
        var subscriptions = await store.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        var events = new Dictionary<long, CampaignEvent?>();
        var plans = new List<(DueReminder Reminder, PreparedDelivery Delivery, bool Late)>();
        var outcomes = new List<ReminderOutcome>();

        foreach (var reminder in due)
        {
            if (!events.TryGetValue(reminder.EventId, out var e))
            {
                events[reminder.EventId] = e = await store.GetEventAsync(reminder.EventId, cancellationToken).ConfigureAwait(false);
            }

            var now = clock.GetUtcNow();
            if (e is null || e.IsCancelled)
            {
                outcomes.Add(new ReminderOutcome(reminder.Id, ReminderState.Cancelled));
                continue;
            }

            var late = now - reminder.Due > settings.LateAfter;
            if (late && now >= e.Start + settings.Grace)
            {
                Log.Missed(logger, reminder.Id, e.Id);
                outcomes.Add(new ReminderOutcome(reminder.Id, ReminderState.Missed, "the event had started before the reminder could go out"));
                continue;
            }

            var destinations = await DestinationsAsync(reminder, e, subscriptions, cancellationToken).ConfigureAwait(false);
            if (destinations.Count == 0)
            {
                outcomes.Add(new ReminderOutcome(reminder.Id, ReminderState.Failed, reminder.IsPersonal
                    ? "the person's reminder request no longer exists"
                    : $"no destination is subscribed to {EventKinds.Name(e.Kind)}s"));
                continue;
            }

            var counts = (await store.GetRsvpCountsAsync([e.Id], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(e.Id, RsvpCounts.Empty);
            var content = ReminderText.Compose(e, reminder.Offset, reminder.IsPersonal, counts, hashtags, late);
            plans.Add((reminder, await deliverer.PrepareAsync(reminder.MessageKey, content, destinations, cancellationToken).ConfigureAwait(false), late));
        }

        await queue.CompleteAsync(node.Id, outcomes, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(plans.Select(plan => DeliverAtDueAsync(plan.Reminder, plan.Delivery, plan.Late, cancellationToken))).ConfigureAwait(false);
    }

    private async Task DeliverAtDueAsync(DueReminder reminder, PreparedDelivery delivery, bool late, CancellationToken cancellationToken)
    {
        // Timers run on the monotonic clock and can end a hair before the wall-clock instant: never send early.
        for (var wait = reminder.Due - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = reminder.Due - clock.GetUtcNow())
        {
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, clock, cancellationToken).ConfigureAwait(false);
        }

        var results = await deliverer.SendAsync(delivery, cancellationToken).ConfigureAwait(false);
        var failures = results.Where(r => !r.Sent).ToArray();
        ReminderOutcome outcome;
        if (failures.Length == 0)
        {
            outcome = new ReminderOutcome(reminder.Id, late ? ReminderState.Late : ReminderState.Sent);
            Log.Delivered(logger, reminder.Id, results.Count + delivery.AlreadySent, late);
        }
        else
        {
            var error = string.Join("; ", failures.Select(f => $"{f.Key.Platform}:{f.Key.DestinationId}: {f.Error}"));
            var settings = options.Value;
            if (reminder.Attempts < settings.MaxAttempts)
            {
                var retryAt = clock.GetUtcNow() + (settings.RetryBackoff * Math.Pow(2, reminder.Attempts - 1));
                Log.Retrying(logger, reminder.Id, reminder.Attempts, retryAt, error);
                outcome = new ReminderOutcome(reminder.Id, ReminderState.Pending, error, retryAt);
            }
            else
            {
                Log.Failed(logger, reminder.Id, reminder.Attempts, error);
                outcome = new ReminderOutcome(reminder.Id, ReminderState.Failed, error);
            }
        }

        await queue.CompleteAsync(node.Id, [outcome], CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Destination>> DestinationsAsync(DueReminder reminder, CampaignEvent e, IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        if (!reminder.IsPersonal)
        {
            return subscriptions.Where(s => s.Covers(e.Kind)).Select(s => s.Destination).ToArray();
        }

        var personal = await store.GetPersonalReminderAsync(reminder.PersonalReminderId, cancellationToken).ConfigureAwait(false);
        return personal is null ? [] : [Destination.ToPerson(personal.Person)];
    }
}
