using CampaignBot.Core.Boosting;
using CampaignBot.Core.Domain;
using CampaignBot.Testing.Databases;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Tests;

// Migration 0004 rebuilds the SQLite hashtag and boost tables around time-ordered keys: what a bot stored before it
// must read back, count and dedupe the same afterwards.
public sealed class TimeOrderedKeysMigrationTests
{
    private const string Prefix = "Migrations/Sqlite/";
    private static readonly DateTimeOffset Posted = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_stored_before_the_time_ordered_keys_are_kept_counted_and_deduped()
    {
        await using var database = new SqliteTestDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        MigrateBefore("0004", database.Options.ConnectionString);
        var posted = Posted.ToUnixTimeMilliseconds();
        var hour = posted - (posted % 3_600_000);
        await ExecuteAsync(
            database.Options.ConnectionString,
            $"""
            INSERT INTO hashtag_mentions (tag_key, uri, platform, posted_at_ms, hour_ms) VALUES ('notsafenotfair', 'https://a.example/1', 'mastodon', {posted}, {hour});
            INSERT INTO boosts (status_key, status_id, author_key, state, reason, attempts, posted_at_ms, decided_at_ms, updated_at_ms, last_error)
            VALUES ('https://a.example/1', '1', 'jo@a.example', 'skipped', 'bot-account', 0, {posted}, {posted}, {posted}, NULL),
                   ('https://a.example/2', '2', 'jo@a.example', 'boosting', NULL, 0, {posted}, {posted}, {posted}, NULL);
            """);

        var handle = await database.OpenAsync(Ct);
        var mentions = new SqlHashtagMentionStore(handle.DataSource);
        var ledger = new SqlBoostLedger(handle.DataSource);

        Assert.Equal(0, await mentions.RecordAsync([new HashtagMention("NotSafeNotFair", "https://a.example/1", Platform.Mastodon, Posted)], Ct));
        Assert.Equal(1, Assert.Single(await mentions.HourlyAsync("NotSafeNotFair", Posted.AddHours(-1), Posted.AddHours(1), Ct)).Mentions);
        Assert.Equal(["https://a.example/1", "https://a.example/2"], (await ledger.FindDecidedAsync([new PostKey("https://a.example/1", Posted), new PostKey("https://a.example/2", Posted)], Ct)).Order());
        Assert.False(await ledger.TryDecideAsync(BoostDecision.Boost("https://a.example/1", "1", "jo@a.example", Posted, Posted.AddHours(1)), Ct));
        await ledger.RecordOutcomeAsync("https://a.example/2", new BoostOutcome(BoostState.Boosted, Posted.AddMinutes(1), Attempted: true), Ct);
        Assert.Equal(BoostState.Boosted, (await ledger.FindAsync("https://a.example/2", Ct))!.State);
        Assert.Equal((BoostState.Skipped, BoostSkipReason.BotAccount), ((await ledger.FindAsync("https://a.example/1", Ct))!.State, (await ledger.FindAsync("https://a.example/1", Ct))!.Reason));
    }

    // Applies the embedded SQLite scripts that sort before `first`, journalled as the bot's migrator journals them.
    private static void MigrateBefore(string first, string connectionString)
    {
        var assembly = typeof(CampaignStore).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && string.CompareOrdinal(name[Prefix.Length..], first) < 0)
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new SqlScript(name[Prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
        Assert.Equal(3, scripts.Count);
        var result = DeployChanges.To.SqliteDatabase(connectionString).WithScripts(scripts).WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
        Assert.True(result.Successful, result.Error?.Message);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
