using CampaignBot.Testing.Chaos;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Tests;

/// <summary>
/// The real bot SIGKILLed at the moments reminders fall due, on SQLite and PostgreSQL, and a two-node PostgreSQL
/// cluster losing a node mid-burst: nothing lost, nothing doubled, every reminder within 10 s of the bot being able to
/// send it, late marks matching the send times. The short version of the bench's <c>chaos</c> scenario.
/// </summary>
[Collection(BotProcessCollection.Name)]
public sealed class ChaosTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Reminders_survive_SIGKILLs_at_their_due_moments_with_none_lost_or_doubled(string engine)
    {
        await using var database = engine == "Sqlite" ? (ITestDatabase)new SqliteTestDatabase() : await PostgresTestDatabase.CreateAsync(Ct);
        await using var discord = await FakeDiscordServer.StartAsync();
        var plan = new ChaosPlan(Reminders: 14, Channels: 3, Kills: 2, Lead: TimeSpan.FromSeconds(8), Spacing: TimeSpan.FromMilliseconds(700)) { MinLife = TimeSpan.FromSeconds(1.5) };

        var report = await ChaosDrill.RunAsync(database, discord, plan, Start, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine((report with { Problems = [] }).ToString());

        Assert.True(report.Problems.Count == 0, string.Join('\n', report.Problems));
        Assert.Equal(2, report.Kills);
        Assert.Equal(report.Expected, report.Delivered);
        Assert.Equal(0, report.Doubled);
        Assert.Equal(0, report.MissedOrFailed);
        Assert.True(report.WorstOverAllowed <= TimeSpan.Zero, $"{report.WorstOverAllowed} over the 10 s allowed");
    }

    [Fact]
    public async Task A_cluster_node_killed_mid_burst_hands_its_reminders_over_within_seconds_of_its_10s_lease()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(Ct);
        await using var discord = await FakeDiscordServer.StartAsync();
        var plan = new ChaosPlan(Reminders: 14, Channels: 2, Kills: 1, Lead: TimeSpan.FromSeconds(9), Spacing: TimeSpan.FromMilliseconds(500))
        {
            TwoNodes = true,
            Lease = TimeSpan.FromSeconds(10),
            MinLife = TimeSpan.FromSeconds(1),
        };

        var report = await ChaosDrill.RunAsync(database, discord, plan, Start, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine((report with { Problems = [] }).ToString());

        Assert.True(report.Problems.Count == 0, string.Join('\n', report.Problems));
        Assert.Equal(report.Expected, report.Delivered);
        Assert.Equal(0, report.Doubled);
        Assert.True(report.WorstOverAllowed <= TimeSpan.Zero, $"{report.WorstOverAllowed} over the allowed");
    }

    private static BotProcess Start(IReadOnlyList<string> settings) => BotProcess.StartWith(settings);
}
