using System.Collections.Concurrent;
using CampaignBot.Core.Domain;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Scheduling.Tests;

[Collection(CollectorCollection.Name)]
public sealed class BurstPromotionTests
{
    [Fact]
    public async Task A_large_instant_is_preceded_by_a_collection_that_moves_its_prepared_messages_out_of_the_young_generation()
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
        var collectionsAtSend = new ConcurrentQueue<int>();
        bot.Sender.Posted += _ => collectionsAtSend.Enqueue(GC.CollectionCount(1));

        // Claimed 240 ms ahead of the instant; the clock stands still until every send decision is on record.
        bot.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(240));
        var before = GC.CollectionCount(1);
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

        // Whether what survives a collection is promoted is the collector's choice (it keeps small survivals young), so
        // what is checked is that one older-generation collection ran between the batch being prepared and its sends.
        Assert.Equal(ReminderDispatcher.BurstSends, collectionsAtSend.Count);
        Assert.All(collectionsAtSend, count => Assert.True(count > before, "no collection of the older generation ran before the burst"));
    }
}
