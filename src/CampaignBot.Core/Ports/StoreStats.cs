namespace CampaignBot.Core.Ports;

/// <summary>Counts shown by <c>status</c>.</summary>
public sealed record StoreStats(int UpcomingEvents, int PastEvents, int CancelledEvents, int Rsvps, int PersonalReminders, int Subscriptions);
