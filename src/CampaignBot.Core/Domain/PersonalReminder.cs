namespace CampaignBot.Core.Domain;

/// <summary>A person asked to be reminded <see cref="Before"/> an event starts.</summary>
public sealed record PersonalReminder(long Id, long EventId, Person Person, TimeSpan Before, DateTimeOffset Due, DateTimeOffset CreatedAt);
