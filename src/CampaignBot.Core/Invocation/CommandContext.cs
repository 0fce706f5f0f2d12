using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Invocation;

/// <summary>
/// Who invoked a command, from where, and whether the adapter found them to be an organiser. <see cref="RequestId"/>
/// names the request itself (a Discord interaction id, a Mastodon status URI, a shell session's line): the effects
/// and delivery keys of a command derive from it, never from the clock, so a redelivered request has one effect and
/// two requests always have two.
/// </summary>
public sealed record CommandContext(Person Invoker, Destination? Channel, bool IsOrganiser, string? RequestId = null)
{
    public Platform Platform => Invoker.Platform;
}
