using CampaignBot.Core.Ports;

namespace CampaignBot.Mastodon;

/// <summary>The Mastodon adapter for <c>/readyz</c>: listening (stream or polling), starting, or stopped with its reason.</summary>
internal sealed class MastodonReadiness(MastodonAdapterStatus status) : IReadinessProbe
{
    public string Name => "mastodon";

    // A stopped adapter is reported, but the rest of the bot (scheduler, Discord, the web page) still works.
    public bool Required => false;

    public Task<Readiness> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(
        status.StopReason is { } reason ? Readiness.Down($"stopped: {reason}")
        : status.WhenListening.IsCompleted ? Readiness.Up($"connected ({status.Mode.ToString().ToLowerInvariant()})")
        : Readiness.Down("connecting"));
}
