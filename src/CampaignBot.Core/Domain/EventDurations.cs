namespace CampaignBot.Core.Domain;

/// <summary>
/// How long an action lasts when its organiser gives no <c>duration</c> or <c>ends</c>, and how long one may last.
/// </summary>
public static class EventDurations
{
    /// <summary>The longest action accepted: a month covers an indefinite strike's first phase without letting a typo run for years.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(31);

    /// <summary>A march a few hours, a strike a day, online actions and meetings an hour.</summary>
    public static TimeSpan Default(EventKind kind) => kind switch
    {
        EventKind.March => TimeSpan.FromHours(3),
        EventKind.Strike => TimeSpan.FromHours(24),
        EventKind.Rally => TimeSpan.FromHours(2),
        EventKind.Picket => TimeSpan.FromHours(4),
        EventKind.Online => TimeSpan.FromHours(1),
        EventKind.Meeting => TimeSpan.FromHours(1),
        _ => TimeSpan.FromHours(2),
    };

    /// <summary>The end to show for <paramref name="e"/>: its own, or its kind's default after the start.</summary>
    public static DateTimeOffset EndOf(CampaignEvent e) => e.End ?? e.Start + Default(e.Kind);

    /// <summary>Started and not yet ended (and not cancelled) at <paramref name="now"/>.</summary>
    public static bool IsHappening(CampaignEvent e, DateTimeOffset now) =>
        !e.IsCancelled && e.Start <= now && now < EndOf(e);
}
