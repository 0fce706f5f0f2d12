namespace CampaignBot.Core.Scheduling;

/// <summary>Counts by state and the next fire time, for <c>status</c>.</summary>
public sealed record ReminderStats(IReadOnlyDictionary<ReminderState, int> Counts, DateTimeOffset? NextFire)
{
    public int this[ReminderState state] => Counts.GetValueOrDefault(state);
}
