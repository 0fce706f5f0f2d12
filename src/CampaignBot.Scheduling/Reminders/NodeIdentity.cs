namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// This process's name in reminder claims: stable across restarts (the machine name unless configured), so a bot
/// restarted after a crash knows the claims its killed predecessor left and takes them back at once instead of
/// waiting for their lease. Nodes of a PostgreSQL cluster must therefore differ: on separate machines (or containers)
/// they do by default; several on one machine need their own <see cref="SchedulingOptions.NodeId"/> each.
/// </summary>
public sealed record NodeIdentity(string Id)
{
    public static NodeIdentity From(SchedulingOptions options) =>
        new(options.NodeId is { Length: > 0 } id ? id : Environment.MachineName);
}
