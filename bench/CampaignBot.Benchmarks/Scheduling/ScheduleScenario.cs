using System.Diagnostics;
using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>
/// Scheduling cost: create 25,000 events with 4 reminders each (100,000 reminder rows) through the store, in one
/// bulk call. The same events without reminders are timed on their own too, so the reminder rows' share shows.
/// </summary>
internal sealed class ScheduleScenario : IScenario
{
    private const int Events = 25_000;

    public string Name => "schedule";

    public string Description => "create 100,000 reminders (25,000 events × 4) in one bulk call; time and bytes per reminder";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var table = new Table("engine", "reminders", "seconds", "events alone s", "reminders' share s", "bytes/reminder");
        var figures = new Dictionary<string, object>();
        foreach (var engine in BenchEngines.Available())
        {
            // Warm-up on a throw-away database: JIT and connection pools shouldn't count as scheduling cost.
            await using (var warmup = await BenchEngines.CreateAsync(engine, cancellationToken))
            await using (var warm = await warmup.OpenAsync(cancellationToken))
            {
                await warm.Store.AddEventsAsync(BenchEngines.Events(500, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7)), cancellationToken);
            }

            double eventsAlone;
            await using (var bare = await BenchEngines.CreateAsync(engine, cancellationToken))
            await using (var bareHandle = await bare.OpenAsync(cancellationToken))
            {
                var bareDrafts = BenchEngines.Events(Events, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7), ReminderPlan.None);
                var bareClock = Stopwatch.StartNew();
                await bareHandle.Store.AddEventsAsync(bareDrafts, cancellationToken);
                eventsAlone = bareClock.Elapsed.TotalSeconds;
            }

            await using var database = await BenchEngines.CreateAsync(engine, cancellationToken);
            await using var handle = await database.OpenAsync(cancellationToken);
            var drafts = BenchEngines.Events(Events, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7));

            var clock = Stopwatch.StartNew();
            await handle.Store.AddEventsAsync(drafts, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;

            var stats = await new SqlReminderQueue(handle.DataSource, engine, TimeProvider.System).StatsAsync(cancellationToken);
            var reminders = stats[ReminderState.Pending];
            var bytes = (engine == StorageProvider.Postgres
                ? await ScalarAsync(handle, "SELECT pg_total_relation_size('reminders')", cancellationToken)
                : await SqliteBytesWithoutEventsAsync(handle, cancellationToken)) / (double)reminders;
            table.Row(BenchEngines.Name(engine), reminders, Math.Round(seconds, 3), Math.Round(eventsAlone, 3), Math.Round(seconds - eventsAlone, 3), Math.Round(bytes));
            figures[$"{BenchEngines.Key(engine)}_seconds"] = Math.Round(seconds, 3);
            figures[$"{BenchEngines.Key(engine)}_reminders_share_seconds"] = Math.Round(seconds - eventsAlone, 3);
            figures[$"{BenchEngines.Key(engine)}_bytes_per_reminder"] = Math.Round(bytes);
        }

        Console.Write(table);
        return figures;
    }

    // SQLite has no per-table sizes here (no dbstat): the database's size minus that of the same events without
    // reminders is what the reminder rows and their indexes take.
    private static async Task<long> SqliteBytesWithoutEventsAsync(CampaignStoreHandle handle, CancellationToken cancellationToken)
    {
        await using var bare = await BenchEngines.CreateAsync(StorageProvider.Sqlite, cancellationToken);
        await using var bareHandle = await bare.OpenAsync(cancellationToken);
        await bareHandle.Store.AddEventsAsync(BenchEngines.Events(Events, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7), ReminderPlan.None), cancellationToken);
        return await SizeAsync(handle, cancellationToken) - await SizeAsync(bareHandle, cancellationToken);
    }

    private static async Task<long> SizeAsync(CampaignStoreHandle handle, CancellationToken cancellationToken) =>
        await ScalarAsync(handle, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", cancellationToken);

    private static async Task<long> ScalarAsync(CampaignStoreHandle handle, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await handle.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
