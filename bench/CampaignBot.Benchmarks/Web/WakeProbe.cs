using System.Diagnostics;

namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// A dedicated thread in the bot's process that sleeps 2 ms at a time and notes how late each wake was: what any
/// dedicated thread (the reminders' waker among them) suffers from the cores being busy and from the GC's pauses,
/// whatever the bot's own code does. Compared with the fire lag, it says how much of the lag is the machine's.
/// </summary>
internal sealed class WakeProbe : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(2);
    private readonly List<(DateTime At, double LateMs)> _wakes = [];
    private readonly Thread _thread;
    private volatile bool _stopped;

    public WakeProbe()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "bench wake probe" };
        _thread.Start();
    }

    /// <summary>Each wake's lateness past its 2 ms sleep since <paramref name="from"/>, in ms (read after <see cref="Dispose"/>).</summary>
    public IReadOnlyList<double> LateMsSince(DateTimeOffset from) => [.. _wakes.Where(w => w.At >= from.UtcDateTime).Select(w => w.LateMs)];

    /// <summary>How many of the probe's wakes between the two instants came within 1 ms of their time.</summary>
    public int OnTimeWakesBetween(DateTimeOffset from, DateTimeOffset to) =>
        _wakes.Count(w => w.At > from.UtcDateTime && w.At < to.UtcDateTime && w.LateMs < 1);

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Run()
    {
        while (!_stopped)
        {
            var began = Stopwatch.GetTimestamp();
            Thread.Sleep(Interval);
            _wakes.Add((DateTime.UtcNow, Math.Max(0, (Stopwatch.GetElapsedTime(began) - Interval).TotalMilliseconds)));
        }
    }
}
