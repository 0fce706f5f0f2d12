namespace CampaignBot.Core.Results;

/// <summary>
/// What people can do about the action a reply shows, where the platform has buttons: RSVP and ask for a reminder
/// (unless <paramref name="Closed"/>: cancelled or started), and open <paramref name="Link"/>.
/// </summary>
public sealed record ReplyActions(long EventId, string? Link, bool Closed);
