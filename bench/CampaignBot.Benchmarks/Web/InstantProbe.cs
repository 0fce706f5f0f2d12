using CampaignBot.Scheduling.Reminders;

namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// A second <see cref="DueInstants"/> in the bot's process, woken at the same instants as the reminders but doing
/// nothing then except note the time: how late the waking itself is, apart from the dispatcher's work around the send.
/// </summary>
internal sealed class InstantProbe : IDisposable
{
    private readonly DueInstants _instants = new(TimeProvider.System);
    private readonly List<double> _lateMs = [];
    private readonly Task _waits;

    public InstantProbe(IEnumerable<DateTimeOffset> instants) => _waits = WaitAllAsync([.. instants]);

    /// <summary>Each instant's wake lateness in milliseconds, once all have passed.</summary>
    public async Task<IReadOnlyList<double>> LateMsAsync()
    {
        await _waits;
        return _lateMs;
    }

    public void Dispose() => _instants.Dispose();

    private async Task WaitAllAsync(DateTimeOffset[] instants)
    {
        var woken = await Task.WhenAll(instants.Select(async due =>
        {
            await _instants.WaitUntilAsync(due, CancellationToken.None);
            return (DateTimeOffset.UtcNow - due).TotalMilliseconds;
        }));
        _lateMs.AddRange(woken);
    }
}
