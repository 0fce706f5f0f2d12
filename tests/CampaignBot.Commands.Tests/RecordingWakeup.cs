using System.Collections.Concurrent;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Commands.Tests;

/// <summary>
/// Records each wake-up with the earliest fire time the reminder queue showed at that instant, read on a connection
/// of its own: a wake raised before the write committed would find the new rows missing.
/// </summary>
public sealed class RecordingWakeup(IReminderQueue queue) : IReminderWakeup
{
    private readonly ConcurrentQueue<(DateTimeOffset FireAt, DateTimeOffset? PendingThen)> _wakes = new();

    public IReadOnlyList<(DateTimeOffset FireAt, DateTimeOffset? PendingThen)> Wakes => [.. _wakes];

    // Wake is synchronous by contract; blocking here is what lets the test see the database at the very moment.
    public void Wake(DateTimeOffset fireAt) =>
        _wakes.Enqueue((fireAt, queue.NextFireAsync(CancellationToken.None).GetAwaiter().GetResult()));
}
