namespace CampaignBot.Core.Domain;

/// <summary>
/// A march, strike, rally or other action. <see cref="Start"/> is an instant (UTC);
/// <see cref="TimeZoneId"/> is the IANA zone it is shown and reminded in.
/// An <see cref="Id"/> of 0 means "not stored yet".
/// </summary>
public sealed record CampaignEvent
{
    public long Id { get; init; }
    public required EventKind Kind { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required string TimeZoneId { get; init; }
    public DateTimeOffset? End { get; init; }
    public string? Location { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    public string? Link { get; init; }
    public EventStatus Status { get; init; } = EventStatus.Scheduled;
    public string? CancelReason { get; init; }
    public ReminderPlan Reminders { get; init; } = ReminderPlan.Default;
    public required Person CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Raised by the store on every stored change (edit, cancellation); 0 for an event never changed.</summary>
    public int Revision { get; init; }

    /// <summary>When the store last changed the event; null before its first change.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the event last changed, or was created: what calendar feeds stamp it with.</summary>
    public DateTimeOffset LastModified => UpdatedAt ?? CreatedAt;

    public bool IsCancelled => Status == EventStatus.Cancelled;
}
