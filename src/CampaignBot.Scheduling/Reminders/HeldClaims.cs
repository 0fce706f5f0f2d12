using System.Collections.Concurrent;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// The reminders this process's dispatcher runs are working on right now: the heartbeat renews exactly these leases,
/// so a claim whose run gave up (its outcome couldn't be written) still runs out and is taken over.
/// </summary>
public sealed class HeldClaims
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    public void Add(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            _ids[id] = 0;
        }
    }

    public void Remove(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            _ids.TryRemove(id, out _);
        }
    }

    public IReadOnlyCollection<long> Snapshot() => _ids.Keys.ToArray();
}
