using System.Globalization;
using CampaignBot.Testing.Discord;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// What a guild costs the bot: the fake gateway serves 4 shards as Discord does (each IDENTIFY's <c>shard</c> gets
/// READY with its guilds by <c>(guild_id &gt;&gt; 22) % 4</c>), holds the GUILD_CREATEs until the bot has settled,
/// then sends 10,000 with realistic roles and channels. The bot's RSS after minus before, over the guilds, is the
/// figure; so is its managed heap after the last GC (from its own <c>/metrics</c>) after minus before. Options:
/// <c>N</c> guilds, <c>--shards S</c>, <c>--bot &lt;publish dir&gt;</c>.
/// </summary>
internal sealed class GuildsScenario : IScenario
{
    private const string HeapMetric = "dotnet_gc_last_collection_heap_size";
    private const string CollectionsMetric = "dotnet_gc_collections";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public string Name => "guilds";

    public string Description => "RSS and managed heap per guild: 10,000 GUILD_CREATEs over 4 shards, the bot as its own process";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var shardsAt = Array.IndexOf(args, "--shards");
        var shards = shardsAt >= 0 ? int.Parse(args[shardsAt + 1], CultureInfo.InvariantCulture) : 4;
        var build = BotUnderTest.Build(args);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await FakeDiscordServer.StartAsync();
        server.Guilds = new FakeGuilds(count) { Held = release.Task };
        var frameBytes = server.Guilds.Frame(FakeGuilds.Id(0), 1, FakeDiscordServer.ApplicationId).Length;
        var database = BotUnderTest.TempDatabase();
        try
        {
            await using var bot = BotProcess.StartWith(BotUnderTest.Settings($"Data Source={database}", [.. server.BotSettings, $"--Discord:ShardCount={shards}"]), build);
            var web = await bot.WebAddressAsync();
            using var http = new HttpClient();
            await server.ShardsIdentified.WaitForCountAsync(_ => true, shards, TimeSpan.FromSeconds(30 + (shards * 6)), "every shard identified");
            var before = await BotUnderTest.SettledAsync(bot, Settle, cancellationToken);
            var heapBefore = (long?)await BotUnderTest.MetricAsync(http, web, HeapMetric, cancellationToken);
            var gcsBefore = (long?)await BotUnderTest.MetricAsync(http, web, CollectionsMetric, cancellationToken);

            release.SetResult();
            var largest = await BotUnderTest.SampleWhileAsync(bot, ConsumedAsync(server, bot, count, cancellationToken));
            var after = await BotUnderTest.SettledAsync(bot, Settle, cancellationToken);
            var heapAfter = (long?)await BotUnderTest.MetricAsync(http, web, HeapMetric, cancellationToken);
            var collections = (long?)await BotUnderTest.MetricAsync(http, web, CollectionsMetric, cancellationToken) - gcsBefore;

            var perGuildKb = (after.RssKb - before.RssKb) / (double)count;
            var heapPerGuild = heapBefore is { } hb && heapAfter is { } ha ? (ha - hb) / (double)count : (double?)null;
            Console.WriteLine(new Table("guilds", "shards", "GUILD_CREATE bytes", "RSS before (MB)", "RSS after (MB)", "largest RSS (MB)", "RSS per guild (KB)", "managed heap before (MB)", "after (MB)", "GCs meanwhile", "heap per guild (bytes)")
                .Row(count, shards, frameBytes, before.RssMb, after.RssMb, largest, Math.Round(perGuildKb, 3), Mb(heapBefore), Mb(heapAfter), collections?.ToString(CultureInfo.InvariantCulture) ?? "n/a", heapPerGuild is { } h ? Math.Round(h, 1) : "n/a"));
            var figures = new Dictionary<string, object>
            {
                ["guilds"] = count,
                ["shards"] = shards,
                ["guild_create_bytes"] = frameBytes,
                ["rss_before_mb"] = before.RssMb,
                ["rss_per_guild_kb"] = Math.Round(perGuildKb, 3),
                ["largest_rss_mb"] = largest,
            };
            if (heapPerGuild is { } perGuild)
            {
                figures["heap_per_guild_bytes"] = Math.Round(perGuild, 1);
            }

            BotUnderTest.Report(figures, after, build);
            await bot.StopAsync();
            return figures;
        }
        finally
        {
            BotUnderTest.Delete(database);
        }
    }

    private static object Mb(long? bytes) => bytes is { } b ? Math.Round(b / (1024.0 * 1024.0), 2) : "n/a";

    // Every GUILD_CREATE sent, and the bot still: it has read them all.
    private static async Task ConsumedAsync(FakeDiscordServer server, BotProcess bot, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(3);
        while (server.GuildCreatesSent < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"only {server.GuildCreatesSent} of {count} GUILD_CREATEs were taken by the bot");
            }

            await Task.Delay(100, cancellationToken);
        }

        await BotUnderTest.StillAsync(bot, cancellationToken);
    }
}
