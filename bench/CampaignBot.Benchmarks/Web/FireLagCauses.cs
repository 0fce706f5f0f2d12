namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// What the late sends waited for: each send over <see cref="LateMs"/> is put down to its claim (or its batch's
/// preparation) ending after the instant (the send then runs on the thread that made the claim, not the reminders'
/// waking thread), to a GC pause (at least half its lag stood in one), or else to the cores being busy (the waking
/// thread itself woke late).
/// </summary>
internal sealed record FireLagCauses(int Late, int ClaimedLate, int GcPause, int CoresBusy, double GcMsInLate, double LagMsInLate, string ByThread)
{
    public const double LateMs = 5;

    // DueInstants' thread: a send made on it was claimed in time and woken at its instant.
    private const string Waker = "CampaignBot due instants";

    public static FireLagCauses Of(IEnumerable<(DateTimeOffset Due, DateTimeOffset At, string Thread)> calls, IReadOnlyList<(DateTime Start, DateTime End)> pauses)
    {
        var (late, claimedLate, gc, busy, gcMs, lagMs) = (0, 0, 0, 0, 0.0, 0.0);
        var threads = new SortedDictionary<string, (int Count, double Ms)>(StringComparer.Ordinal);
        foreach (var (due, at, thread) in calls)
        {
            var lag = (at - due).TotalMilliseconds;
            if (lag <= LateMs)
            {
                continue;
            }

            var paused = GcPauses.Within(pauses, due.UtcDateTime, at.UtcDateTime).TotalMilliseconds;
            (late, gcMs, lagMs) = (late + 1, gcMs + paused, lagMs + lag);
            var (count, ms) = threads.GetValueOrDefault(thread);
            threads[thread] = (count + 1, ms + lag);
            if (thread != Waker)
            {
                claimedLate++;
            }
            else if (paused * 2 >= lag)
            {
                gc++;
            }
            else
            {
                busy++;
            }
        }

        return new FireLagCauses(late, claimedLate, gc, busy, Math.Round(gcMs, 1), Math.Round(lagMs, 1),
            string.Join(", ", threads.Select(t => $"{t.Key}: {t.Value.Count} ({Math.Round(t.Value.Ms)} ms)")));
    }
}
