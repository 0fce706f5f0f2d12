namespace CampaignBot.Core.Scheduling;

/// <summary>
/// What became of a claimed reminder. <see cref="RetryAt"/> set means "back to pending, try again then"; otherwise
/// <see cref="State"/> is final.
/// </summary>
public sealed record ReminderOutcome(long Id, ReminderState State, string? Error = null, DateTimeOffset? RetryAt = null);
