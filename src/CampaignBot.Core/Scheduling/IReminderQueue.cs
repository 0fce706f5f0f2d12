namespace CampaignBot.Core.Scheduling;

/// <summary>
/// The reminder table as the dispatcher sees it. Claims are short leases their live holder keeps renewing: a node that
/// dies leaves rows that others re-claim once the lease runs out; on PostgreSQL concurrent claimers skip each other's
/// rows.
/// </summary>
public interface IReminderQueue
{
    /// <summary>The earliest fire time of a pending reminder, or null when none is pending.</summary>
    Task<DateTimeOffset?> NextFireAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending reminders firing at or before <paramref name="horizon"/> (and any
    /// whose lease expired), soonest first.
    /// </summary>
    Task<IReadOnlyList<DueReminder>> ClaimAsync(string node, DateTimeOffset horizon, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>Records outcomes of reminders this node claimed; a row another node re-claimed since is left alone.</summary>
    Task CompleteAsync(string node, IReadOnlyList<ReminderOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>
    /// Hands this node's claimed reminders back as pending (a node stopping cleanly), so another node or the next start
    /// takes them at once instead of after the lease. Returns how many were handed back.
    /// </summary>
    Task<int> ReleaseAsync(string node, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of the given reminders this node still holds to <paramref name="lease"/> from now: the
    /// heartbeat of a live node, so a short lease only runs out once its holder has died.
    /// </summary>
    Task RenewAsync(string node, IReadOnlyCollection<long> ids, TimeSpan lease, CancellationToken cancellationToken);

    Task<ReminderStats> StatsAsync(CancellationToken cancellationToken);
}
