using CampaignBot.Commands;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Mastodon.Tests.Boost;

// The adapter and auto-boost composed as the host composes them, against the fake: posts arrive by the hashtag stream,
// by tag polling and by backfill after a restart, and each is boosted (or skipped) once.
public sealed class BoostEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_streamed_post_is_boosted_once_and_not_again_by_polls_or_backfill_after_a_restart()
    {
        await using var server = await FakeMastodonServer.StartAsync();
        await using var database = new SqliteTestDatabase();
        string boostedId, optedOutId;
        await using (var bot = await RunningBot.StartAsync(server, database))
        {
            boostedId = server.Post("alice", "March from the station at 10 #NotSafeNotFair")["id"]!.GetValue<string>();
            optedOutId = server.Post("carol@social.example", "Walked out #NotSafeNotFair", note: "Please don't boost me #nobot")["id"]!.GetValue<string>();
            await server.Reblogs.WaitAsync(id => id == boostedId, TimeSpan.FromSeconds(10), "the streamed post's reblog");
            await MastodonHarness.EventuallyAsync(async () => (await bot.Ledger.SummariseAsync(Ct))[BoostState.Skipped] == 1, "the opted-out post's skip");
            // Tag polls and backfill may go by meanwhile, returning both posts again.
            await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);
        }

        // Posted while the bot is down: backfill finds it, along with the two already decided.
        var lateId = server.Post("bob@other.example", "Still here #NotSafeNotFair", stream: false)["id"]!.GetValue<string>();
        await using (var restarted = await RunningBot.StartAsync(server, database))
        {
            await server.Reblogs.WaitAsync(id => id == lateId, TimeSpan.FromSeconds(10), "the post missed while down, found by backfill");
            await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);

            Assert.Equal([boostedId, lateId], server.Reblogs.Items);
            var summary = await restarted.Ledger.SummariseAsync(Ct);
            Assert.Equal((2, 1, 1), (summary[BoostState.Boosted], summary[BoostState.Skipped], summary.SkippedBy[BoostSkipReason.OptedOut]));
        }

        Assert.DoesNotContain(optedOutId, server.Reblogs.Items);
    }

    private sealed class RunningBot : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly CampaignStoreHandle _handle;
        private readonly List<IHostedService> _hosted = [];

        private RunningBot(ServiceProvider services, CampaignStoreHandle handle)
        {
            _services = services;
            _handle = handle;
        }

        public IBoostLedger Ledger => _services.GetRequiredService<IBoostLedger>();

        public static async Task<RunningBot> StartAsync(FakeMastodonServer server, ITestDatabase database)
        {
            var handle = await database.OpenAsync(Ct);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mastodon:InstanceUrl"] = server.InstanceUrl,
                ["Mastodon:AccessToken"] = server.Token,
                ["Mastodon:PollInterval"] = "00:00:00.100",
                ["Mastodon:ReconnectDelay"] = "00:00:00.020",
                ["Mastodon:MaxReconnectDelay"] = "00:00:00.200",
                ["Mastodon:TagRefreshInterval"] = "00:00:00.100",
                ["Mastodon:RetryDelay"] = "00:00:00.020",
                ["Campaign:Hashtags:0"] = "NotSafeNotFair",
            }).Build();
            var mentions = new SqlHashtagMentionStore(handle.DataSource);
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging()
                .AddSingleton(handle.Store)
                .AddMastodonLedgers(handle.DataSource)
                .AddSingleton<IBoostLedger>(new SqlBoostLedger(handle.DataSource))
                .AddSingleton<IHashtagMentionSink>(mentions)
                .AddSingleton<IHashtagCounts>(mentions)
                .Configure<CampaignOptions>(configuration.GetSection(CampaignOptions.Section));
            services.AddCampaignCommands();
            services.AddMastodonAdapter();
            var bot = new RunningBot(services.BuildServiceProvider(), handle);
            foreach (var hosted in bot._services.GetServices<IHostedService>())
            {
                await hosted.StartAsync(Ct);
                bot._hosted.Add(hosted);
            }

            await bot._services.GetRequiredService<MastodonAdapterStatus>().WhenListening.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            await MastodonHarness.EventuallyAsync(() => Task.FromResult(server.IsSubscribed("hashtag:notsafenotfair")), "the hashtag subscription");
            return bot;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var hosted in Enumerable.Reverse(_hosted))
            {
                await hosted.StopAsync(CancellationToken.None);
            }

            await _services.DisposeAsync();
            await _handle.DisposeAsync();
        }
    }
}
