using CampaignBot.Commands;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Discord.Gateway;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Discord;
using CampaignBot.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.Tests;

/// <summary>
/// The Discord adapter with the real router over a real SQLite store, pointed at a <see cref="FakeDiscordServer"/>
/// through <c>Discord:ApiBaseUrl</c> (and the gateway URL the fake hands out), with shortened gateway timings.
/// </summary>
internal sealed class DiscordHarness : IAsyncDisposable
{
    public static readonly GatewayTimings FastTimings = new()
    {
        InitialReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        IdentifyInterval = TimeSpan.FromMilliseconds(20),
        InvalidSessionDelay = TimeSpan.FromMilliseconds(50),
        CloseTimeout = TimeSpan.FromMilliseconds(300),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    private readonly ITestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly bool _ownsServer;
    private IHostedService[] _hosted = [];

    private DiscordHarness(FakeDiscordServer server, ServiceProvider services, ITestDatabase database, bool ownsDatabase, bool ownsServer, RecordingLoggerProvider logs)
    {
        Server = server;
        Services = services;
        _database = database;
        _ownsDatabase = ownsDatabase;
        _ownsServer = ownsServer;
        Logs = logs;
    }

    public FakeDiscordServer Server { get; }

    public ServiceProvider Services { get; }

    public RecordingLoggerProvider Logs { get; }

    public ITestDatabase Database => _database;

    public ICampaignStore Store => Services.GetRequiredService<ICampaignStore>();

    public DiscordAdapterStatus Status => Services.GetRequiredService<DiscordAdapterStatus>();

    /// <summary>The adapter's background task (completes when it stops).</summary>
    public Task? AdapterTask => _hosted.OfType<BackgroundService>().FirstOrDefault()?.ExecuteTask;

    public static async Task<DiscordHarness> CreateAsync(
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        FakeDiscordServer? server = null,
        ITestDatabase? database = null,
        bool start = true)
    {
        var ownsServer = server is null;
        server ??= await FakeDiscordServer.StartAsync();
        var ownsDatabase = database is null;
        database ??= new SqliteTestDatabase();
        var handle = await database.OpenAsync(TestContext.Current.CancellationToken);
        var store = handle.Store;
        var mentions = new SqlHashtagMentionStore(handle.DataSource);
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Token,
            ["Discord:ApplicationId"] = FakeDiscordServer.ApplicationId,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:GuildIds:0"] = FakeDiscordServer.GuildId,
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new RecordingLoggerProvider();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton(store)
            .AddSingleton<IHashtagCounts>(mentions)
            .AddSingleton(FastTimings)
            .Configure<CampaignOptions>(options =>
            {
                options.Name = "Test campaign";
                options.Hashtags = ["NotSafeNotFair", "ImInWorkJeremy"];
            });
        collection.AddCampaignCommands();
        collection.AddDiscordAdapter();
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        var harness = new DiscordHarness(server, provider, database, ownsDatabase, ownsServer, logs);
        if (start)
        {
            await harness.StartAsync();
        }

        return harness;
    }

    public async Task StartAsync()
    {
        _ = Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        _hosted = [.. Services.GetServices<IHostedService>()];
        foreach (var hosted in _hosted)
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until the bot is past READY (commands registered, gateway identified).</summary>
    public async Task ConnectedAsync() =>
        await Status.WhenConnected.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

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
            await _database.DisposeAsync();
        }
    }
}
