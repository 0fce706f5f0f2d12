using System.Collections.Concurrent;
using CampaignBot.Core.Ports;
using CampaignBot.Discord.Telemetry;

namespace CampaignBot.Discord;

/// <summary>The Discord section of <c>status</c>: connection state per shard, and why the adapter stopped, if it did.</summary>
internal sealed class DiscordAdapterStatus(Interactions.InteractionTimings timings) : IStatusSource
{
    private readonly ConcurrentDictionary<int, string> _shards = new();
    private readonly ConcurrentDictionary<string, byte> _guilds = new();
    private readonly ConcurrentDictionary<int, TimeSpan> _latency = new();
    private volatile string? _stopReason;
    private readonly TaskCompletionSource<string> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _state = "starting";
    private Task _registered = Task.CompletedTask;

    public string Section => "Discord";

    /// <summary>Why the adapter stopped for good (fatal close code, rejected token); null while it runs.</summary>
    public string? StopReason => _stopReason;

    /// <summary>Completes with the reason when the adapter stops for good.</summary>
    public Task<string> WhenStopped => _stopped.Task;

    /// <summary>Completes at the first READY, and not before the command registration under way has ended.</summary>
    public Task WhenConnected => _connected.Task;

    /// <summary>The adapter's one-line state: starting, connected, or reconnecting on some shard.</summary>
    public string State => _shards.Values.FirstOrDefault(shard => shard.StartsWith("reconnecting", StringComparison.Ordinal)) ?? _state;

    public void Starting(string what) => _state = what;

    /// <summary>
    /// The command registration runs beside the gateway's connection (so IDENTIFY doesn't wait for it), but the bot
    /// reports itself connected only once it has ended: a connected bot has its commands.
    /// </summary>
    public void Registering(Task registration) => _registered = registration;

    public void Ready(int shard, string user, int guilds)
    {
        _shards[shard] = $"ready, {guilds} guild(s)";
        if (_registered.IsCompleted)
        {
            Connected(user);
        }
        else
        {
            _registered.ContinueWith(_ => Connected(user), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void Connected(string user)
    {
        if (_stopReason is not null)
        {
            return;
        }

        _state = $"connected as {user}";
        _connected.TrySetResult();
    }

    public void Resumed(int shard)
    {
        _shards[shard] = "resumed";
        DiscordMetrics.Resumed();
    }

    public void Reconnecting(int shard, string reason)
    {
        _shards[shard] = $"reconnecting ({reason})";
        DiscordMetrics.Reconnecting();
    }

    public void Latency(int shard, TimeSpan latency) => _latency[shard] = latency;

    /// <summary>Guilds the bot is in, from READY: where actions are mirrored when <c>Discord:GuildIds</c> is empty.</summary>
    public IReadOnlyCollection<string> Guilds => [.. _guilds.Keys];

    public void SawGuilds(IEnumerable<string> guildIds)
    {
        foreach (var id in guildIds)
        {
            _guilds.TryAdd(id, 0);
        }
    }

    /// <summary>Why actions are not mirrored to the Events tab, shown once in <c>status</c>; null while all is well.</summary>
    public string? ScheduledEventsProblem { get; set; }

    public void Stopped(string reason)
    {
        _stopReason = reason;
        _state = $"stopped: {reason}";
        _stopped.TrySetResult(reason);
    }

    public Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string> { _state };
        if (_stopReason is null)
        {
            lines.AddRange(_shards.OrderBy(pair => pair.Key).Select(pair =>
                _latency.TryGetValue(pair.Key, out var latency)
                    ? $"shard {pair.Key}: {pair.Value}, heartbeat {latency.TotalMilliseconds:0} ms"
                    : $"shard {pair.Key}: {pair.Value}"));
            if (ScheduledEventsProblem is { } problem)
            {
                lines.Add($"events tab: {problem}");
            }

            if (timings.Snapshot() is { Count: > 0 } answered)
            {
                var sorted = answered.Order().ToArray();
                lines.Add($"interactions: {timings.Count} answered, median {sorted[sorted.Length / 2]:0.#} ms from receipt");
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(lines);
    }
}
