using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Claims due reminders, decides missed, records each send decision in the delivery log before the due instant, makes
/// the sends at the due instant, and records outcomes (with retries and backoff on failure). Whether a reminder is late
/// is decided as it is sent, so its text and its record agree with when it actually went out.
/// </summary>
public sealed class ReminderDispatcher(
    IReminderQueue queue,
    ICampaignStore store,
    Deliverer deliverer,
    NodeIdentity node,
    HeldClaims held,
    DueInstants instants,
    IOptions<SchedulingOptions> options,
    CampaignState campaign,
    TimeProvider clock,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>Claims this far ahead, so the send decision is on record before the due instant arrives.</summary>
    public static readonly TimeSpan ClaimAhead = TimeSpan.FromMilliseconds(250);

    private const int Batch = 1000;

    /// <summary>A batch this large, with its first instant at least <see cref="BurstLead"/> away, is promoted before it.</summary>
    internal const int BurstSends = 200;

    internal static readonly TimeSpan BurstLead = TimeSpan.FromMilliseconds(50);

    // Enough calls for a JIT runtime to queue the send path's methods for full optimisation (its threshold is 30).
    private const int WarmUpSends = 64;

    private readonly Lock _runGate = new();
    private readonly HashSet<Task> _runs = [];
    private int _warmedUp;

    /// <summary>Completes when the runs now in progress have recorded everything they sent.</summary>
    public Task WhenIdleAsync()
    {
        lock (_runGate)
        {
            return Task.WhenAll(_runs);
        }
    }

    /// <summary>
    /// Handles every reminder due now or soon: each claimed batch is prepared (send decisions on record) and its sends
    /// wait for their instants while the next batch is claimed and prepared, so a long run of reminders (a thousand
    /// over a second) doesn't queue behind itself. Returns how many were handled once all sends are recorded.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_runGate)
        {
            _runs.Add(done.Task);
        }

        try
        {
            return await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_runGate)
            {
                _runs.Remove(done.Task);
            }

            done.TrySetResult();
        }
    }

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        var sending = new List<Task>();
        var recorder = new OutcomeRecorder(deliverer, queue, node);
        var claimed = new List<long>();
        var linger = options.Value.Linger;
        DateTimeOffset? lingerUntil = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = await queue.ClaimAsync(node.Id, clock.GetUtcNow() + ClaimAhead, options.Value.Lease, Batch, cancellationToken).ConfigureAwait(false);
                if (due.Count > 0)
                {
                    held.Add(due.Select(r => r.Id));
                    claimed.AddRange(due.Select(r => r.Id));
                    // Sends done and on record are let go, so a run kept going by a steady stream stays small.
                    sending.RemoveAll(send => send.IsCompletedSuccessfully);
                    sending.Add(await HandleAsync(due, recorder, cancellationToken).ConfigureAwait(false));
                    handled += due.Count;
                    // Lingering counts from the last reminder claimed: a steady stream stays in this run rather than
                    // going back through the trigger every Linger, a hand-over that on a busy pool came after the
                    // next instant (the web bench's late sends).
                    lingerUntil = null;
                    continue;
                }

                var now = clock.GetUtcNow();
                lingerUntil ??= now + linger;
                var next = linger > TimeSpan.Zero ? await queue.NextFireAsync(cancellationToken).ConfigureAwait(false) : null;
                if (next is not { } at || at > lingerUntil)
                {
                    break;
                }

                var claimable = at - ClaimAhead - now;
                await Task.Delay(claimable > TimeSpan.FromMilliseconds(1) ? claimable : TimeSpan.FromMilliseconds(1), clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                await Task.WhenAll(sending).ConfigureAwait(false);
            }
            finally
            {
                await recorder.CompleteAsync().ConfigureAwait(false);
                held.Remove(claimed);
            }
        }

        return handled;
    }

    // Prepares a claimed batch; returns the task of its sends, which wait for their due instants.
    private async Task<Task> HandleAsync(IReadOnlyList<DueReminder> due, OutcomeRecorder recorder, CancellationToken cancellationToken)
    {
        await WarmUpAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var hashtags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        var subscriptions = await store.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        var eventIds = due.Select(r => r.EventId).Distinct().ToArray();
        var events = (await store.GetEventsAsync(eventIds, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Id);
        var counts = await store.GetRsvpCountsAsync(eventIds, cancellationToken).ConfigureAwait(false);
        var toSend = new List<(DueReminder Reminder, Func<bool, Reply> Compose, bool Late)>();
        var messages = new List<(string MessageKey, Reply Content, IReadOnlyList<Destination> Destinations)>();
        var outcomes = new List<ReminderOutcome>();

        foreach (var reminder in due)
        {
            var now = clock.GetUtcNow();
            if (!events.TryGetValue(reminder.EventId, out var e) || e.IsCancelled)
            {
                outcomes.Add(new ReminderOutcome(reminder.Id, ReminderState.Cancelled));
                continue;
            }

            var late = now - reminder.Due > settings.LateAfter;
            if (late && now >= e.Start + settings.Grace)
            {
                Log.Missed(logger, reminder.Id, e.Id);
                SchedulingMetrics.Reminder("missed");
                outcomes.Add(new ReminderOutcome(reminder.Id, ReminderState.Missed, "the event had started before the reminder could go out"));
                continue;
            }

            var destinations = await DestinationsAsync(reminder, e, subscriptions, cancellationToken).ConfigureAwait(false);
            if (destinations.Count == 0)
            {
                SchedulingMetrics.Reminder("failed");
                outcomes.Add(new ReminderOutcome(reminder.Id, ReminderState.Failed, reminder.IsPersonal
                    ? "the person's reminder request no longer exists"
                    : $"no destination is subscribed to {EventKinds.Name(e.Kind)}s"));
                continue;
            }

            var rsvps = counts.GetValueOrDefault(e.Id, RsvpCounts.Empty);
            Reply Compose(bool lateNow) => ReminderText.Compose(e, reminder.Offset, reminder.IsPersonal, rsvps, hashtags, lateNow);
            toSend.Add((reminder, Compose, late));
            messages.Add((reminder.MessageKey, Compose(late), destinations));
        }

        // Every send decision is on record before its instant comes; then each instant's sends go out together.
        var prepared = await deliverer.PrepareManyAsync(messages, cancellationToken).ConfigureAwait(false);
        var plans = toSend.Zip(prepared, (send, delivery) => new SendPlan(send.Reminder, delivery, send.Compose, send.Late));
        PromoteBeforeBurst(toSend);
        var sends = Task.WhenAll(plans.GroupBy(plan => plan.Reminder.Due).Select(group => DeliverAtAsync(group.Key, group.ToArray(), recorder, cancellationToken)));
        await queue.CompleteAsync(node.Id, outcomes, cancellationToken).ConfigureAwait(false);
        return sends;
    }

    // A large instant's sends allocate megabytes (tasks, results, the platforms' own rendering) while the batch they
    // were prepared from is still young: each collection during the burst then had to copy that batch up the
    // generations, 2-3 ms a time on the native bot with its 2 MB young generation. With the instant still some way
    // off, one collection now moves the batch out of the young generation, so the collections during the burst find
    // little alive (unless the collector judges the batch too small to promote: its call). Small batches and instants
    // already upon us are left alone.
    private void PromoteBeforeBurst(IReadOnlyList<(DueReminder Reminder, Func<bool, Reply> Compose, bool Late)> toSend)
    {
        if (toSend.Count >= BurstSends && toSend.Min(send => send.Reminder.Due) - clock.GetUtcNow() >= BurstLead)
        {
            GC.Collect(1, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
    }

    private async Task DeliverAtAsync(DateTimeOffset due, IReadOnlyList<SendPlan> plans, OutcomeRecorder recorder, CancellationToken cancellationToken)
    {
        await instants.WaitUntilAsync(due, cancellationToken).ConfigureAwait(false);
        var sendingAt = clock.GetUtcNow();
        var (decided, results) = await SendNowAsync(deliverer, plans, sendingAt, cancellationToken).ConfigureAwait(false);
        SchedulingMetrics.Lag(sendingAt - due);
        var outcomes = decided.Zip(results, (d, result) => Outcome(d.Plan.Reminder, d.Plan.Delivery, result, d.Late)).ToArray();
        Log.InstantDelivered(logger, due, sendingAt - due, outcomes);
        await recorder.RecordAsync([.. results.SelectMany(r => r)], outcomes).ConfigureAwait(false);
        held.Remove(plans.Select(plan => plan.Reminder.Id));
    }

    // The instant's own work, and nothing else before the sends: late or not is decided now, as they go out (a send
    // held up by a slow claim, a retry or a takeover after a crash is late by when it leaves, not by when it was
    // claimed); the text says so exactly when the record does.
    private async Task<((SendPlan Plan, bool Late)[] Decided, DeliveryResult[][] Results)> SendNowAsync(Deliverer via, IReadOnlyList<SendPlan> plans, DateTimeOffset sendingAt, CancellationToken cancellationToken)
    {
        var lateAfter = options.Value.LateAfter;
        var decided = plans.Select(plan => (Plan: plan, Late: sendingAt - plan.Reminder.Due > lateAfter)).ToArray();
        var sends = decided.Select(d => via.SendUnrecordedAsync(d.Plan.DeliveryFor(d.Late), cancellationToken)).ToArray();
        return (decided, await Task.WhenAll(sends).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs the send path once, on a dry run (platforms that send nothing, nothing recorded or counted), if it has not
    /// run yet. Measured cold, the first instant's sends waited about 10 ms for their first call: the runtime compiling
    /// this path. The bot runs this as it starts, so with a JIT the path is compiled, and has been called often enough
    /// to be queued for full optimisation, long before the first instant (a native build has nothing to compile, and
    /// the run costs it microseconds). The first claim runs it too, for a dispatcher used without the hosted start.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _warmedUp, 1) != 0)
        {
            return;
        }

        SchedulingMetrics.Prepare();
        await instants.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var reminder = new DueReminder(0, 0, 0, TimeSpan.Zero, now, Attempts: 1);
        var content = Reply.Text("warm-up");
        var sends = Enum.GetValues<Platform>().Select(platform => (new DeliveryKey(reminder.MessageKey, platform, "0"), new Destination(platform, "0"))).ToArray();
        var plan = new SendPlan(reminder, new PreparedDelivery(content, sends, AlreadySent: 0), _ => content, PreparedLate: false);
        await SendNowAsync(Deliverer.DryRun(), Enumerable.Repeat(plan, WarmUpSends).ToArray(), now, cancellationToken).ConfigureAwait(false);
    }

    private ReminderOutcome Outcome(DueReminder reminder, PreparedDelivery delivery, IReadOnlyList<DeliveryResult> results, bool late)
    {
        var failures = results.Where(r => !r.Sent).ToArray();
        if (failures.Length == 0)
        {
            Log.Delivered(logger, reminder.Id, results.Count + delivery.AlreadySent, late);
            SchedulingMetrics.Reminder(late ? "late" : "sent");
            return new ReminderOutcome(reminder.Id, late ? ReminderState.Late : ReminderState.Sent);
        }

        var error = string.Join("; ", failures.Select(f => $"{f.Key.Platform}:{f.Key.DestinationId}: {f.Error}"));
        var settings = options.Value;
        if (reminder.Attempts < settings.MaxAttempts)
        {
            var retryAt = clock.GetUtcNow() + (settings.RetryBackoff * Math.Pow(2, reminder.Attempts - 1));
            Log.Retrying(logger, reminder.Id, reminder.Attempts, retryAt, error);
            return new ReminderOutcome(reminder.Id, ReminderState.Pending, error, retryAt);
        }

        Log.Failed(logger, reminder.Id, reminder.Attempts, error);
        SchedulingMetrics.Reminder("failed");
        return new ReminderOutcome(reminder.Id, ReminderState.Failed, error);
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
