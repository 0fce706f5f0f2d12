using System.Collections.Concurrent;
using CampaignBot.Core.Domain;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Scheduling.Tests;

public sealed class BurstPromotionTests
{
    [Fact]
    public async Task A_large_instant_is_sent_from_messages_already_moved_out_of_the_young_generation()
    {
        var database = new SqliteTestDatabase();
        await using var bot = await DispatcherHarness.CreateAsync(database);
        await using var reader = await database.OpenAsync(TestContext.Current.CancellationToken);
        await bot.SubscribeAsync("marches");
        var instant = DispatcherHarness.Start.AddMinutes(10);
        await bot.Store.AddEventsAsync([.. Enumerable.Range(0, ReminderDispatcher.BurstSends).Select(i => new CampaignEvent
        {
            Kind = EventKind.March,
            Title = $"March {i}",
            Start = instant,
            TimeZoneId = "Europe/London",
            Reminders = new ReminderPlan([TimeSpan.Zero]),
            CreatedBy = DispatcherHarness.Organiser,
            CreatedAt = bot.Clock.GetUtcNow(),
        })], TestContext.Current.CancellationToken);
        var generations = new ConcurrentQueue<int>();
        bot.Sender.Posted += message => generations.Enqueue(GC.GetGeneration(message.Content));

        // Claimed 240 ms ahead of the instant; the clock stands still until every send decision is on record.
        bot.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(240));
        var run = bot.RunAsync();
        await using (var count = reader.DataSource.CreateCommand("SELECT COUNT(*) FROM deliveries"))
        {
            while (Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) < ReminderDispatcher.BurstSends)
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }

        await Task.Delay(100, TestContext.Current.CancellationToken);
        bot.Clock.Advance(TimeSpan.FromMilliseconds(240));
        await run;

        Assert.Equal(ReminderDispatcher.BurstSends, generations.Count);
        Assert.All(generations, generation => Assert.True(generation >= 1, "a prepared message was still in generation 0 when sent"));
    }
}
