using System.Collections.Concurrent;
using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>A platform that answers at once and notes how late each send call came after its reminder's due time.</summary>
internal sealed class LagSender(Func<string, DateTimeOffset> dueOf) : IChatSender
{
    public ConcurrentBag<double> LagsMs { get; } = [];

    public Platform Platform => Platform.Discord;

    public TaskCompletionSource AllSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Expected { get; set; }

    public Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        LagsMs.Add((now - dueOf(message.Content.Title ?? string.Empty)).TotalMilliseconds);
        if (LagsMs.Count >= Expected)
        {
            AllSent.TrySetResult();
        }

        return Task.FromResult(Result<SentMessage>.Ok(new SentMessage(LagsMs.Count.ToString(CultureInfo.InvariantCulture))));
    }
}
