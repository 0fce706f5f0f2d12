namespace CampaignBot.Discord.Gateway;

/// <summary>Gateway pacing. The defaults follow Discord's rules; tests shorten them.</summary>
internal sealed record GatewayTimings
{
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Spacing of IDENTIFYs within one concurrency bucket (Discord: 5 s).</summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound of the random wait before re-identifying after op 9 (lower bound is a fifth of it).</summary>
    public TimeSpan InvalidSessionDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends allowed per <see cref="SendWindow"/>, of which a few are kept for heartbeats.</summary>
    public int SendsPerWindow { get; init; } = 120;

    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);
}
