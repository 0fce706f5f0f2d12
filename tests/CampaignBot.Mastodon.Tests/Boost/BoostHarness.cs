using CampaignBot.Commands;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Storage;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Mastodon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Mastodon.Tests.Boost;

// Auto-boost as the bot wires it (AddMastodonAdapter, AddCampaignCommands) over a real database, with a controllable clock
// and a reblog client given by the test, or the real REST client against a FakeMastodonServer. RestartAsync builds everything again on the same database.
internal sealed class BoostHarness : IAsyncDisposable
{
    public static readonly Person Organiser = new(Platform.Mastodon, "rosa@mastodon.example", "Rosa");

    private readonly ITestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly IReblogClient? _reblogs;
    private readonly FakeMastodonServer? _server;
    private CampaignStoreHandle _handle;
    private ServiceProvider _services;

    private BoostHarness(ITestDatabase database, IReadOnlyDictionary<string, string?> settings, IReblogClient? reblogs, FakeMastodonServer? server, CampaignStoreHandle handle)
    {
        _database = database;
        _settings = settings;
        _reblogs = reblogs;
        _server = server;
        _handle = handle;
        _services = Build();
    }

    public FakeTimeProvider Clock { get; } = new(Posts.Now);

    public IReblogClient Reblogs => _services.GetRequiredService<IReblogClient>();

    public AutoBooster Booster => _services.GetRequiredService<AutoBooster>();

    public IBoostLedger Ledger => _services.GetRequiredService<IBoostLedger>();

    public BoostWarmUp WarmUp => _services.GetRequiredService<BoostWarmUp>();

    public IHashtagMentionSink Mentions => _services.GetRequiredService<IHashtagMentionSink>();

    public ICampaignStore Store => _handle.Store;

    public BotIdentity Identity => _services.GetRequiredService<BotIdentity>();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<BoostHarness> CreateAsync(
        IReblogClient reblogs,
        IReadOnlyDictionary<string, string?>? settings = null,
        StorageProvider provider = StorageProvider.Sqlite,
        bool identified = true)
    {
        var database = await TestDatabase.CreateAsync(provider, Ct);
        var harness = new BoostHarness(database, settings ?? new Dictionary<string, string?>(), reblogs, null, await database.OpenAsync(Ct));
        if (identified)
        {
            harness.Identify();
        }

        return harness;
    }

    /// <summary>Reblogs go through the real REST client (as AddMastodonAdapter registers it) to the loopback fake.</summary>
    public static async Task<BoostHarness> CreateAsync(FakeMastodonServer server, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = new SqliteTestDatabase();
        var harness = new BoostHarness(database, settings ?? new Dictionary<string, string?>(), null, server, await database.OpenAsync(Ct));
        harness.Identify();
        // The fake's clock is the harness's: posts are "now" for the age rule, and rate-limit windows move with it.
        server.Clock = harness.Clock;
        return harness;
    }

    /// <summary>A status the fake built, parsed as the bot's client parses it.</summary>
    public static MastodonStatus Parse(JsonObject status) => JsonSerializer.Deserialize(status.ToJsonString(), MastodonJsonContext.Default.MastodonStatus)!;

    private void Identify()
    {
        if (_server is null)
        {
            Identity.Set(Posts.Bot, Posts.Instance);
        }
        else
        {
            Identity.Set(JsonSerializer.Deserialize(_server.Bot.ToJsonString(), MastodonJsonContext.Default.MastodonAccount)!, _server.BaseUrl);
        }
    }

    public ValueTask ConsiderAsync(MastodonStatus status) => Booster.ConsiderAsync(status, Ct);

    public Task<BoostRecord?> RecordOfAsync(MastodonStatus status) => Ledger.FindAsync(StatusKey.Of(status.Reblog ?? status), Ct);

    public async Task<BoostSkipReason?> SkipReasonOfAsync(MastodonStatus status)
    {
        var record = await RecordOfAsync(status);
        Assert.NotNull(record);
        return record.Reason;
    }

    public async Task<string> CommandAsync(string line)
    {
        var result = await _services.GetRequiredService<ICommandRouter>().HandleTextAsync(line, new CommandContext(Organiser, null, IsOrganiser: true), Ct);
        Assert.True(result.IsSuccess, $"{line} → {result.Error}");
        return result.Value.ToPlainText(Clock);
    }

    // A new process on the same database: fresh store, ledger, booster and identity; the same server and clock.
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        await _handle.DisposeAsync();
        _handle = await _database.OpenAsync(Ct);
        _services = Build();
        Identify();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Campaign:Hashtags:0"] = "NotSafeNotFair", ["Campaign:Hashtags:1"] = "LoveYourNHS" })
            .AddInMemoryCollection(_settings.ToDictionary(pair => $"{BoostOptions.Section}:{pair.Key}", pair => pair.Value))
            .AddInMemoryCollection(_server is null ? new Dictionary<string, string?>
            {
                // The adapter is composed but never started: no request goes to this instance.
                ["Mastodon:InstanceUrl"] = Posts.Instance.ToString(),
                ["Mastodon:AccessToken"] = "not-used",
            } : new Dictionary<string, string?>
            {
                ["Mastodon:InstanceUrl"] = _server.InstanceUrl,
                ["Mastodon:AccessToken"] = _server.Token,
                // A 429 comes back at once as rate-limited instead of waiting for the reset: the booster holds back itself.
                ["Mastodon:MaxRateLimitWait"] = "00:00:00.010",
                ["Mastodon:RetryDelay"] = "00:00:00.010",
            })
            .Build();
        var mentions = new SqlHashtagMentionStore(_handle.DataSource);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(_handle.Store)
            .AddSingleton<IBoostLedger>(new SqlBoostLedger(_handle.DataSource))
            .AddMastodonLedgers(_handle.DataSource)
            .AddSingleton<IHashtagCounts>(mentions)
            .AddSingleton<IHashtagMentionSink>(mentions)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .Configure<CampaignOptions>(configuration.GetSection(CampaignOptions.Section))
            .AddCampaignCommands()
            .AddMastodonAdapter();
        if (_server is null)
        {
            // The test's reblog client in place of the REST client's.
            services.AddSingleton(_reblogs!);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
