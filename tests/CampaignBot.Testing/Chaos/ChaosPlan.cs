namespace CampaignBot.Testing.Chaos;

/// <summary>
/// What a chaos drill does: <see cref="Reminders"/> events whose start-time reminders fall due <see cref="Spacing"/>
/// apart from <see cref="Lead"/> on, each to <see cref="Channels"/> subscribed Discord channels; the bot is SIGKILLed
/// <see cref="Kills"/> times (restarted at once), each kill aimed at a due instant at least <see cref="MinLife"/> into
/// the run being killed. With <see cref="TwoNodes"/> two clustered nodes run and one is killed for good instead.
/// </summary>
public sealed record ChaosPlan(int Reminders, int Channels, int Kills, TimeSpan Lead, TimeSpan Spacing)
{
    public TimeSpan MinLife { get; init; } = TimeSpan.FromSeconds(2);

    public bool TwoNodes { get; init; }

    /// <summary><c>Scheduling:Lease</c>; null keeps the default.</summary>
    public TimeSpan? Lease { get; init; }

    /// <summary><c>Scheduling:LateAfter</c>: short, so that late marks actually occur and can be checked.</summary>
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after it can send (back up, or its due time) a reminder may take: the 10 s.</summary>
    public TimeSpan Allowed { get; init; } = TimeSpan.FromSeconds(10);

    public int Seed { get; init; } = 2016;
}
