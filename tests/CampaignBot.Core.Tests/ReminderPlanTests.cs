using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Tests;

public sealed class ReminderPlanTests
{
    [Fact]
    public void Default_plan_is_a_week_a_day_two_hours_and_the_start() =>
        Assert.Equal("7d,1d,2h,0", ReminderPlan.Default.ToString());

    [Fact]
    public void Offsets_are_ordered_largest_first_without_duplicates()
    {
        var plan = new ReminderPlan([TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromDays(1), TimeSpan.FromHours(2)]);

        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromHours(2), TimeSpan.Zero], plan.Offsets);
    }

    [Fact]
    public void Plans_with_the_same_offsets_are_equal() =>
        Assert.Equal(new ReminderPlan([TimeSpan.Zero, TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromHours(2)]), ReminderPlan.Default);
}
