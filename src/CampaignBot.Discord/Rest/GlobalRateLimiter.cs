using CampaignBot.Core.Background;

namespace CampaignBot.Discord.Rest;

/// <summary>
/// The bot-wide limit (50 requests per second). A slot is handed back one second after its response arrived, not
/// after it was sent, so the server can never see more than the limit within any second, whatever the latency. The
/// waits before handing slots back are <see cref="BackgroundWork"/>, so stopping lets them end (a second at most).
/// </summary>
// SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used, and these live as long as the process.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim without a wait handle needs no disposal.")]
internal sealed class GlobalRateLimiter(int perSecond, BackgroundWork work, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _slots = new(perSecond, perSecond);
    private long _pausedUntil;

    public int PerSecond => perSecond;

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (Volatile.Read(ref _pausedUntil) - clock.GetTimestamp() is var left && left > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)left / clock.TimestampFrequency), clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>The request that held a slot has finished; the slot frees a window later.</summary>
    public void Release()
    {
        // The window starts now, when the response arrived, not when the thread pool gets to the wait.
        var releaseAt = clock.GetTimestamp() + (long)(Window.TotalSeconds * clock.TimestampFrequency);
        work.Start("Discord: handing back a global rate-limit slot", _ => ReleaseAtAsync(releaseAt), CancellationToken.None);
    }

    /// <summary>After a global 429: no request until <paramref name="retryAfter"/> has passed.</summary>
    public void PauseFor(TimeSpan retryAfter)
    {
        var until = clock.GetTimestamp() + (long)(retryAfter.TotalSeconds * clock.TimestampFrequency);
        long current;
        do
        {
            current = Volatile.Read(ref _pausedUntil);
        }
        while (until > current && Interlocked.CompareExchange(ref _pausedUntil, until, current) != current);
    }

    private async Task ReleaseAtAsync(long releaseAt)
    {
        // Timers run on a coarse clock and can fire a few milliseconds early; the window is measured precisely.
        while (releaseAt - clock.GetTimestamp() is var left && left > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)left / clock.TimestampFrequency) + TimeSpan.FromMilliseconds(1), clock).ConfigureAwait(false);
        }

        _slots.Release();
    }
}
