using CampaignBot.Commands;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Mastodon;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Benchmarks.Mastodon;

/// <summary>
/// The Mastodon adapter and auto-boost composed like the host does (AddMastodonAdapter), over a real
/// store, pointed at a <see cref="FakeMastodonServer"/>: statuses reach the bot over the fake's WebSocket stream.
/// </summary>
internal sealed class BoostLatencyBench : IAsyncDisposable
{
    public const string Tag = "NotSafeNotFair";

    private readonly ITestDatabase _database;
    private readonly List<IHostedService> _started = [];

    private BoostLatencyBench(FakeMastodonServer server, ITestDatabase database, ServiceProvider services, BoostLatencyClock clock)
    {
        Server = server;
        _database = database;
        Services = services;
        Clock = clock;
    }

    public FakeMastodonServer Server { get; }

    public ServiceProvider Services { get; }

    public BoostLatencyClock Clock { get; }

    public IBoostLedger Ledger => Services.GetRequiredService<IBoostLedger>();

    public static async Task<BoostLatencyBench> CreateAsync(FakeMastodonServer server, StorageProvider engine, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(engine, cancellationToken).ConfigureAwait(false);
        var handle = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var clock = new BoostLatencyClock();
        server.Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mastodon:InstanceUrl"] = server.InstanceUrl,
            ["Mastodon:AccessToken"] = server.Token,
            ["Mastodon:Streaming"] = "websocket",
            ["Campaign:Hashtags:0"] = Tag,
            ["Mastodon:Boost:PerHour"] = "60",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var mentions = new SqlHashtagMentionStore(handle.DataSource);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(handle.Store)
            .AddMastodonLedgers(handle.DataSource)
            .AddSingleton<IBoostLedger>(new SqlBoostLedger(handle.DataSource))
            .AddSingleton<IHashtagMentionSink>(mentions)
            .AddSingleton<IHashtagCounts>(mentions)
            .Configure<CampaignOptions>(configuration.GetSection(CampaignOptions.Section));
        services.AddCampaignCommands();
        services.AddMastodonAdapter();
        return new BoostLatencyBench(server, database, services.BuildServiceProvider(), clock);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
            _started.Add(hosted);
        }

        await Services.GetRequiredService<MastodonAdapterStatus>().WhenListening.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        while (!Server.IsSubscribed($"hashtag:{Tag}") || Services.GetRequiredService<BotIdentity>().Current is null)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await Services.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }
}
