using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Invocation;

/// <summary>Who invoked a command, from where, and whether the adapter found them to be an organiser.</summary>
public sealed record CommandContext(Person Invoker, Destination? Channel, bool IsOrganiser)
{
    public Platform Platform => Invoker.Platform;
}
