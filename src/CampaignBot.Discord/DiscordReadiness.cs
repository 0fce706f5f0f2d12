using CampaignBot.Core.Ports;

namespace CampaignBot.Discord;

/// <summary>The Discord adapter for <c>/readyz</c>: connected, reconnecting, or stopped with its reason.</summary>
internal sealed class DiscordReadiness(DiscordAdapterStatus status) : IReadinessProbe
{
    public string Name => "discord";

    // A stopped adapter is reported, but the rest of the bot (scheduler, Mastodon, the web page) still works.
    public bool Required => false;

    public Task<Readiness> CheckAsync(CancellationToken cancellationToken)
    {
        var readiness = status.StopReason is { } reason
            ? Readiness.Down($"stopped: {reason}")
            : status.WhenConnected.IsCompleted && status.State is var state && !state.StartsWith("reconnecting", StringComparison.Ordinal)
                ? Readiness.Up(state)
                : Readiness.Down(status.State);
        return Task.FromResult(readiness);
    }
}
