using System.Collections.Concurrent;
using CampaignBot.Mastodon.Boost;

namespace CampaignBot.Mastodon.Tests.Boost;

// Stands in for the REST client in rule-level tests: records every reblog request and answers from a script
// (Boosted once the script runs out). The loopback fake server covers the real HTTP exchange.
internal sealed class RecordingReblogClient : IReblogClient
{
    private readonly ConcurrentQueue<Func<ReblogResult>> _script = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public void Then(params ReblogResult[] results)
    {
        foreach (var result in results)
        {
            _script.Enqueue(() => result);
        }
    }

    public void ThenThrow(Exception exception) => _script.Enqueue(() => throw exception);

    public async Task<ReblogResult> ReblogAsync(string statusId, CancellationToken cancellationToken)
    {
        Requests.Enqueue(statusId);
        // Yield so that racing callers really overlap, as they would over HTTP.
        await Task.Yield();
        return _script.TryDequeue(out var next) ? next() : ReblogResult.Boosted;
    }
}
