using System.Text.RegularExpressions;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;
using CampaignBot.Shell;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Tests;

/// <summary>
/// Two real bot processes clustered on one PostgreSQL database share 200 reminders; one is stopped mid-way.
/// Every reminder must come out exactly once across both.
/// </summary>
[Collection(BotProcessCollection.Name)]
public sealed partial class ClusteredSchedulingTests
{
    private const int Reminders = 200;

    [Fact]
    public async Task Two_clustered_instances_deliver_each_of_200_reminders_exactly_once_even_when_one_stops_mid_way()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresTestDatabase.CreateAsync(ct);
        DateTimeOffset first;
        await using (var handle = await database.OpenAsync(ct))
        {
            var store = handle.Store;
            var organiser = new Person(Platform.Shell, "test", "test");
            await store.UpsertSubscriptionAsync(new Subscription(ShellAdapter.Terminal, EventKinds.All, organiser, DateTimeOffset.UtcNow), ct);
            first = DateTimeOffset.UtcNow.AddSeconds(12);
            for (var i = 0; i < Reminders; i++)
            {
                await store.AddEventAsync(new CampaignEvent
                {
                    Kind = EventKind.Strike,
                    Title = $"Cluster {i:000}",
                    Start = first.AddMilliseconds(i * 25),
                    TimeZoneId = "Europe/London",
                    Reminders = new ReminderPlan([TimeSpan.Zero]),
                    CreatedBy = organiser,
                    CreatedAt = DateTimeOffset.UtcNow,
                }, ct);
            }
        }

        string[] settings =
        [
            "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString={database.Options.ConnectionString}",
            "--Shell:Enabled=true",
            "--Campaign:SeedFile=",
            "--Scheduling:Lease=00:00:05",
            "--Logging:LogLevel:CampaignBot.Scheduling=Debug",
        ];
        await using var a = BotProcess.StartWith([.. settings, "--Scheduling:NodeId=node-a"]);
        await a.WaitForLogAsync("Shell adapter ready", TimeSpan.FromSeconds(30));
        await using var b = BotProcess.StartWith([.. settings, "--Scheduling:NodeId=node-b"]);
        await b.WaitForLogAsync("Shell adapter ready", TimeSpan.FromSeconds(30));

        // Stop A while the reminders are going out (they span 5 seconds from the first).
        // (At once if the two starts took longer than that on a busy machine.)
        var untilMidWay = first.AddSeconds(2) - DateTimeOffset.UtcNow;
        await Task.Delay(untilMidWay > TimeSpan.Zero ? untilMidWay : TimeSpan.Zero, ct);
        a.Interrupt();
        var runA = await a.WaitAsync();

        await using (var handle = await database.OpenAsync(ct))
        {
            var queue = new SqlReminderQueue(handle.DataSource, StorageProvider.Postgres, TimeProvider.System);
            var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
            while ((await queue.StatsAsync(ct))[ReminderState.Sent] < Reminders && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }

        b.Interrupt();
        var runB = await b.WaitAsync();

        var delivered = Titles().Matches(runA.Output).Concat(Titles().Matches(runB.Output)).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(0, runA.ExitCode);
        Assert.True(
            delivered.Distinct().Count() == Reminders,
            $"{delivered.Distinct().Count()} of {Reminders} delivered.\nA:\n{Scheduling(runA.Errors)}\nB:\n{Scheduling(runB.Errors)}");
        Assert.Equal(Reminders, delivered.Length);
        Assert.Contains("Cluster 199", delivered);
        Assert.DoesNotContain("Sent late", runB.Output, StringComparison.Ordinal);
    }

    private static string Scheduling(string log) =>
        string.Join('\n', log.Split('\n').Where(line => line.Contains("CampaignBot.Scheduling", StringComparison.Ordinal) || line.Contains("fail", StringComparison.Ordinal)).TakeLast(40));

    [GeneratedRegex(@"\[shell:terminal\] Reminder: (Cluster \d{3}) starts now")]
    private static partial Regex Titles();
}
