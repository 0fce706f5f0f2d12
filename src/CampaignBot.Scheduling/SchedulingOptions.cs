namespace CampaignBot.Scheduling;

/// <summary>The <c>Scheduling</c> configuration section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>A reminder handled later than this after its due time counts as late (sent on start-up, say).</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after an event's start a late reminder is still worth sending; after that it is missed.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a claim outlives its holder's last heartbeat (renewed every second while the node lives): how
    /// soon another node takes over the reminders of one that died. A restarted node takes its own back at once.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per reminder before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a run, keep waiting for reminders that fall due within this long instead of re-arming the trigger for
    /// each: a burst of reminders spread over a second fires on time. Counted from the last reminder claimed, so a
    /// steady stream (one every second or so) stays in one run. Zero re-arms after every run.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Local time (campaign zone) of the daily digest, HH:mm, or <c>off</c>.</summary>
    public string DigestTime { get; set; } = "18:00";

    /// <summary><see cref="DigestTime"/> is <c>off</c>: no daily digest.</summary>
    public bool DigestOff => string.Equals(DigestTime, "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>How often hashtag sources are asked for new tagged posts.</summary>
    public TimeSpan HashtagPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often Quartz polls its store when idle; lower than its 30 s default so clustered nodes react quickly to
    /// triggers another node scheduled.
    /// </summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// This node's name in reminder claims, stable across restarts: the machine name by default. Nodes of a cluster
    /// that share a machine need one each.
    /// </summary>
    public string? NodeId { get; set; }
}
