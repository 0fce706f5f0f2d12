using CampaignBot.Commands;
using CampaignBot.Core.Options;
using CampaignBot.Core.Scheduling;
using CampaignBot.Discord;
using CampaignBot.Discord.Interactions;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Benchmarks.Discord;

/// <summary>The Discord adapter composed like the host does, over a SQLite store, pointed at a <see cref="FakeDiscordServer"/>.</summary>
internal sealed class DiscordBench : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database;
    private readonly List<IHostedService> _started = [];

    private DiscordBench(FakeDiscordServer server, SqliteTestDatabase database, ServiceProvider services)
    {
        Server = server;
        _database = database;
        Services = services;
    }

    public FakeDiscordServer Server { get; }

    public ServiceProvider Services { get; }

    public static async Task<DiscordBench> CreateAsync(FakeDiscordServer server)
    {
        var database = new SqliteTestDatabase();
        var handle = await database.OpenAsync().ConfigureAwait(false);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = server.Token,
            ["Discord:ApplicationId"] = FakeDiscordServer.ApplicationId,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:GuildIds:0"] = FakeDiscordServer.GuildId,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(handle.Store)
            .AddSingleton<IHashtagCounts>(new SqlHashtagMentionStore(handle.DataSource))
            .Configure<CampaignOptions>(options => options.Name = "Bench campaign");
        services.AddCampaignCommands();
        services.AddDiscordAdapter();
        return new DiscordBench(server, database, services.BuildServiceProvider());
    }

    public async Task StartAdapterAsync(CancellationToken cancellationToken)
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
            _started.Add(hosted);
        }

        await Services.GetRequiredService<DiscordAdapterStatus>().WhenConnected.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a warm-up of <paramref name="answered"/> interactions: waits until the bot has timed them all (the fake
    /// records a callback just before the bot sees its answer and records the timing), then forgets those timings.
    /// </summary>
    public async Task<InteractionTimings> ClearWarmUpTimingsAsync(int answered, CancellationToken cancellationToken)
    {
        var timings = Services.GetRequiredService<InteractionTimings>();
        while (timings.Count < answered)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        timings.Clear();
        return timings;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _started)
        {
            await hosted.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await Services.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }
}
