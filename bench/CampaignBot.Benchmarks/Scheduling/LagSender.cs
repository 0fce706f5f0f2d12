using System.Collections.Concurrent;
using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>
/// A platform that answers at once and notes when each send call came. Only the instant and the title are noted on
/// the send path; how late that was after the reminder's due time is worked out afterwards, so the measuring adds as
/// little as it can to the sends that come after it.
/// </summary>
internal sealed class LagSender(Func<string, DateTimeOffset> dueOf) : IChatSender
{
    private readonly ConcurrentQueue<(DateTimeOffset At, string Title, string Thread)> _calls = new();
    private int _count;

    /// <summary>Each send call's reminder title and lag after its due time, in milliseconds.</summary>
    public (string Title, double Ms)[] Lags => [.. _calls.Select(call => (call.Title, (call.At - dueOf(call.Title)).TotalMilliseconds))];

    /// <summary>
    /// Each send call's due instant, arrival, and the thread it came on ("pool" for any thread-pool thread, else the
    /// thread's name): the reminders' waking thread, or the thread that claimed the batch when that was after the instant.
    /// </summary>
    public (DateTimeOffset Due, DateTimeOffset At, string Thread)[] Calls => [.. _calls.Select(call => (dueOf(call.Title), call.At, call.Thread))];

    public Platform Platform => Platform.Discord;

    public TaskCompletionSource AllSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Expected { get; set; }

    /// <summary>
    /// Runs this sender's own path before it measures, then forgets those calls: with a JIT, its first calls would
    /// otherwise be compiled (and run unoptimised) inside the first burst, and count against the bot.
    /// </summary>
    public LagSender WarmedUp()
    {
        var message = new OutboundMessage(new Destination(Platform.Discord, "warm-up"), Reply.Text("warm-up"), "warm-up");
        for (var i = 0; i < 64; i++)
        {
            _ = SendAsync(message, CancellationToken.None);
        }

        _calls.Clear();
        _count = 0;
        return this;
    }

    public Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        _calls.Enqueue((DateTimeOffset.UtcNow, message.Content.Title ?? string.Empty, Thread.CurrentThread.IsThreadPoolThread ? "pool" : Thread.CurrentThread.Name ?? "unnamed"));
        var count = Interlocked.Increment(ref _count);
        if (count >= Expected)
        {
            AllSent.TrySetResult();
        }

        return Task.FromResult(Result<SentMessage>.Ok(new SentMessage(count.ToString(CultureInfo.InvariantCulture))));
    }
}
