using System.Text;

namespace CampaignBot.Core.Domain;

/// <summary>
/// Offsets before an event's start at which reminders go out, largest first, without duplicates.
/// Written as <c>7d,1d,2h,0</c>; <c>0</c> fires at the start instant.
/// </summary>
public sealed record ReminderPlan
{
    public const int MaxOffsets = 10;

    public static ReminderPlan Default { get; } = new([TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromHours(2), TimeSpan.Zero]);

    public static ReminderPlan None { get; } = new([]);

    public ReminderPlan(IEnumerable<TimeSpan> offsets)
    {
        Offsets = offsets.Distinct().OrderDescending().ToArray();
    }

    public IReadOnlyList<TimeSpan> Offsets { get; }

    public bool Equals(ReminderPlan? other) => other is not null && Offsets.SequenceEqual(other.Offsets);

    public override int GetHashCode() => Offsets.Aggregate(0, (hash, offset) => HashCode.Combine(hash, offset));

    public override string ToString() => Offsets.Count == 0 ? "none" : string.Join(',', Offsets.Select(Time.Durations.Format));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(ToString());
        return true;
    }
}
