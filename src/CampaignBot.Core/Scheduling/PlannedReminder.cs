namespace CampaignBot.Core.Scheduling;

/// <summary>
/// One reminder an event owes: to its subscribed channels (<see cref="PersonalReminderId"/> 0) or to the person who
/// asked, <see cref="Offset"/> before the start, due at <see cref="Due"/>.
/// </summary>
public readonly record struct PlannedReminder(long EventId, long PersonalReminderId, TimeSpan Offset, DateTimeOffset Due);
