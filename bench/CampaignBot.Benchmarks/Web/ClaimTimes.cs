using System.Collections.Concurrent;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// The bot's reminder queue with each claim's start and end noted per reminder due instant, so a send made after its
/// instant can be put down to a claim that started late (the dispatcher's loop waiting its turn) or one that took long.
/// </summary>
internal sealed class ClaimTimes(IReminderQueue inner) : IReminderQueue
{
    private readonly ConcurrentDictionary<DateTimeOffset, (DateTimeOffset Started, DateTimeOffset Ended)> _claims = new();

    /// <summary>When the claim that took the reminder due at an instant started and ended.</summary>
    public IReadOnlyDictionary<DateTimeOffset, (DateTimeOffset Started, DateTimeOffset Ended)> ByDue => _claims;

    public async Task<IReadOnlyList<DueReminder>> ClaimAsync(string node, DateTimeOffset horizon, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var claimed = await inner.ClaimAsync(node, horizon, lease, limit, cancellationToken);
        var ended = DateTimeOffset.UtcNow;
        foreach (var reminder in claimed)
        {
            _claims.TryAdd(reminder.Due, (started, ended));
        }

        return claimed;
    }

    public Task<DateTimeOffset?> NextFireAsync(CancellationToken cancellationToken) => inner.NextFireAsync(cancellationToken);

    public Task CompleteAsync(string node, IReadOnlyList<ReminderOutcome> outcomes, CancellationToken cancellationToken) => inner.CompleteAsync(node, outcomes, cancellationToken);

    public Task<int> ReleaseAsync(string node, CancellationToken cancellationToken) => inner.ReleaseAsync(node, cancellationToken);

    public Task RenewAsync(string node, IReadOnlyCollection<long> ids, TimeSpan lease, CancellationToken cancellationToken) => inner.RenewAsync(node, ids, lease, cancellationToken);

    public Task<ReminderStats> StatsAsync(CancellationToken cancellationToken) => inner.StatsAsync(cancellationToken);
}
