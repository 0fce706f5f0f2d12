namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// This process's name in reminder claims. On SQLite only one process ever uses the database, so the name is stable
/// (the machine's): a restarted bot knows the claims its killed predecessor left and takes them back at once. Nodes of
/// a PostgreSQL cluster may share a machine, so there it is the machine name and process id unless configured.
/// </summary>
public sealed record NodeIdentity(string Id)
{
    public static NodeIdentity From(SchedulingOptions options, SchedulerStore store) => new(
        options.NodeId is { Length: > 0 } id ? id
        : store.Postgres ? $"{Environment.MachineName}-{Environment.ProcessId}"
        : Environment.MachineName);
}
