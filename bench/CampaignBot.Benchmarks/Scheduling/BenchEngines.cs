using CampaignBot.Core.Domain;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>
/// The engines a scheduling benchmark runs on: SQLite always, PostgreSQL when <c>CAMPAIGNBOT_TEST_POSTGRES</c> holds
/// a connection string (each run gets its own schema, dropped afterwards).
/// </summary>
internal static class BenchEngines
{
    public static IReadOnlyList<StorageProvider> Available()
    {
        var engines = new List<StorageProvider> { StorageProvider.Sqlite };
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CAMPAIGNBOT_TEST_POSTGRES")))
        {
            engines.Add(StorageProvider.Postgres);
        }
        else
        {
            Console.WriteLine("(PostgreSQL skipped: set CAMPAIGNBOT_TEST_POSTGRES to an Npgsql connection string to include it.)");
        }

        return engines;
    }

    public static Task<ITestDatabase> CreateAsync(StorageProvider provider, CancellationToken cancellationToken) =>
        TestDatabase.CreateAsync(provider, cancellationToken);

    public static string Name(StorageProvider provider) => provider == StorageProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public static string Key(StorageProvider provider) => provider == StorageProvider.Sqlite ? "sqlite" : "postgres";

    /// <summary><paramref name="count"/> events starting after <paramref name="from"/>, each with the default plan (4 reminders).</summary>
    public static CampaignEvent[] Events(int count, DateTimeOffset from, TimeSpan spacing, ReminderPlan? plan = null)
    {
        var organiser = new Person(Platform.Shell, "bench", "bench");
        return Enumerable.Range(0, count).Select(i => new CampaignEvent
        {
            Kind = EventKind.March,
            Title = $"Bench event {i}",
            Start = from + (spacing * i),
            TimeZoneId = "Europe/London",
            Reminders = plan ?? ReminderPlan.Default,
            CreatedBy = organiser,
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToArray();
    }
}
