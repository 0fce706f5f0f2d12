namespace CampaignBot.Scheduling.Reminders;

/// <summary>This process's name in reminder claims: unique per running instance.</summary>
public sealed record NodeIdentity(string Id)
{
    public static NodeIdentity From(SchedulingOptions options) =>
        new(options.NodeId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}");
}
