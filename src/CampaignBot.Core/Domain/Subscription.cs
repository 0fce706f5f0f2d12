namespace CampaignBot.Core.Domain;

/// <summary>A destination that receives reminders and announcements for the chosen event kinds.</summary>
public sealed record Subscription(Destination Destination, IReadOnlyList<EventKind> Kinds, Person SubscribedBy, DateTimeOffset SubscribedAt)
{
    public bool Covers(EventKind kind) => Kinds.Contains(kind);
}
