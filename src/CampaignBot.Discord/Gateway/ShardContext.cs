using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord.Gateway;

/// <summary>Everything one shard's gateway client needs.</summary>
internal sealed record ShardContext(
    int ShardId,
    int ShardCount,
    string Token,
    GatewayTimings Timings,
    IdentifyGate IdentifyGate,
    IDispatchSink Sink,
    DiscordAdapterStatus Status,
    ILogger Logger,
    TimeProvider Clock);
