namespace CampaignBot.Core.Domain;

/// <summary>One person's current answer for one event; a new answer replaces the old one.</summary>
public sealed record Rsvp(long EventId, Person Person, RsvpAnswer Answer, DateTimeOffset AnsweredAt);
