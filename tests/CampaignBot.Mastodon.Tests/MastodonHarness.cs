using CampaignBot.Commands;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Logging;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Tests;

/// <summary>
/// The Mastodon adapter with the real router over a real SQLite store, pointed at a <see cref="FakeMastodonServer"/>
/// through <c>Mastodon:InstanceUrl</c>, with short timings. A second harness on the same database is a restart.
/// </summary>
internal sealed class MastodonHarness : IAsyncDisposable
{
    private readonly bool _ownsDatabase;
    private readonly bool _ownsServer;
    private IHostedService[] _hosted = [];

    private MastodonHarness(FakeMastodonServer server, ServiceProvider services, ITestDatabase database, bool ownsDatabase, bool ownsServer, RecordingLoggerProvider logs)
    {
        Server = server;
        Services = services;
        Database = database;
        _ownsDatabase = ownsDatabase;
        _ownsServer = ownsServer;
        Logs = logs;
    }

    public FakeMastodonServer Server { get; }

    public ServiceProvider Services { get; }

    public ITestDatabase Database { get; }

    public RecordingLoggerProvider Logs { get; }

    public ICampaignStore Store => Services.GetRequiredService<ICampaignStore>();

    public MastodonAdapterStatus Status => Services.GetRequiredService<MastodonAdapterStatus>();

    public static async Task<MastodonHarness> CreateAsync(
        Action<Dictionary<string, string?>>? configure = null,
        FakeMastodonServer? server = null,
        ITestDatabase? database = null,
        bool start = true,
        Action<IServiceCollection>? services = null)
    {
        var ownsServer = server is null;
        server ??= await FakeMastodonServer.StartAsync();
        var ownsDatabase = database is null;
        database ??= new SqliteTestDatabase();
        var handle = await database.OpenAsync(TestContext.Current.CancellationToken);
        var mentions = new SqlHashtagMentionStore(handle.DataSource);
        var settings = new Dictionary<string, string?>
        {
            ["Mastodon:InstanceUrl"] = server.InstanceUrl,
            ["Mastodon:AccessToken"] = server.Token,
            ["Mastodon:Organisers:0"] = "rosa",
            ["Mastodon:PollInterval"] = "00:00:00.200",
            ["Mastodon:ReconnectDelay"] = "00:00:00.020",
            ["Mastodon:MaxReconnectDelay"] = "00:00:00.200",
            ["Mastodon:TagRefreshInterval"] = "00:00:00.100",
            ["Mastodon:RetryDelay"] = "00:00:00.020",
            ["Mastodon:MaxRateLimitWait"] = "00:00:05",

            // The adapter's tests run without auto-boost (its own tests are in Boost/).
            ["Mastodon:Boost:Enabled"] = "false",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new RecordingLoggerProvider();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton(handle.Store)
            .AddMastodonLedgers(handle.DataSource)
            .AddSingleton<IBoostLedger>(new SqlBoostLedger(handle.DataSource))
            .AddSingleton<IHashtagCounts>(mentions)
            .AddSingleton<IHashtagMentionSink>(mentions)
            .Configure<CampaignOptions>(options =>
            {
                options.Name = "Test campaign";
                options.Hashtags = ["NotSafeNotFair", "ImInWorkJeremy"];
            });
        services?.Invoke(collection);
        collection.AddCampaignCommands();
        collection.AddMastodonAdapter();
        var provider = collection.BuildServiceProvider();
        var harness = new MastodonHarness(server, provider, database, ownsDatabase, ownsServer, logs);
        if (start)
        {
            await harness.StartAsync();
        }

        return harness;
    }

    public async Task StartAsync()
    {
        _ = Services.GetRequiredService<IOptions<MastodonOptions>>().Value;
        _hosted = [.. Services.GetServices<IHostedService>()];
        foreach (var hosted in _hosted)
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until the adapter is signed in and listening (stream connected, or polling).</summary>
    public async Task ListeningAsync() =>
        await Status.WhenListening.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Mentions counted for <paramref name="tag"/> in the last day.</summary>
    public async Task<int> CountAsync(string tag)
    {
        var counts = await Get<IHashtagCounts>().HourlyAsync(tag, DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(1), TestContext.Current.CancellationToken);
        return counts.Sum(c => c.Mentions);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (fails after the timeout).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted.Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }

        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
