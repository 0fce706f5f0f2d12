using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// The garbage collector's pauses in this process, each from the runtime's suspend-begin to restart-end events (their
/// own timestamps, so the listener's dispatch delay doesn't matter), to tell how much of a late send stood in a pause.
/// </summary>
internal sealed class GcPauses : EventListener
{
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentQueue<(DateTime Start, DateTime End)> _pauses = new();
    private DateTime? _suspended;

    /// <summary>The pauses seen so far, in UTC.</summary>
    public IReadOnlyList<(DateTime Start, DateTime End)> Pauses => [.. _pauses];

    /// <summary>How long the pauses overlapping [from, to] kept this process's threads stopped inside it.</summary>
    public static TimeSpan Within(IReadOnlyList<(DateTime Start, DateTime End)> pauses, DateTime from, DateTime to)
    {
        var total = TimeSpan.Zero;
        foreach (var (start, end) in pauses)
        {
            var overlap = (end < to ? end : to) - (start > from ? start : from);
            if (overlap > TimeSpan.Zero)
            {
                total += overlap;
            }
        }

        return total;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventId)
        {
            case SuspendBegin:
                _suspended = eventData.TimeStamp.ToUniversalTime();
                break;
            case RestartEnd when _suspended is { } start:
                _pauses.Enqueue((start, eventData.TimeStamp.ToUniversalTime()));
                _suspended = null;
                break;
        }
    }
}
