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
using CampaignBot.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Mastodon.Tests.Boost;

// Auto-boost as the bot wires it (AddAutoBoost, AddCampaignCommands) over a real database, with a controllable clock
// and a reblog client given by the test. RestartAsync builds everything again on the same database.
internal sealed class BoostHarness : IAsyncDisposable
{
    public static readonly Person Organiser = new(Platform.Mastodon, "rosa@mastodon.example", "Rosa");

    private readonly ITestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private CampaignStoreHandle _handle;
    private ServiceProvider _services;

    private BoostHarness(ITestDatabase database, IReadOnlyDictionary<string, string?> settings, IReblogClient reblogs, CampaignStoreHandle handle)
    {
        _database = database;
        _settings = settings;
        Reblogs = reblogs;
        _handle = handle;
        _services = Build();
    }

    public FakeTimeProvider Clock { get; } = new(Posts.Now);

    public IReblogClient Reblogs { get; }

    public AutoBooster Booster => _services.GetRequiredService<AutoBooster>();

    public IBoostLedger Ledger => _services.GetRequiredService<IBoostLedger>();

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
        var harness = new BoostHarness(database, settings ?? new Dictionary<string, string?>(), reblogs, await database.OpenAsync(Ct));
        if (identified)
        {
            harness.Identity.Set(Posts.Bot, Posts.Instance);
        }

        return harness;
    }

    public ValueTask ConsiderAsync(MastodonStatus status) => Booster.ConsiderAsync(status, Ct);

    public Task<BoostRecord?> RecordOfAsync(MastodonStatus status) => Ledger.FindAsync(AutoBooster.StatusKey(status.Reblog ?? status), Ct);

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
        Identity.Set(Posts.Bot, Posts.Instance);
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
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(_handle.Store)
            .AddSingleton<IBoostLedger>(new SqlBoostLedger(_handle.DataSource))
            .AddSingleton<IHashtagCounts>(new SqlHashtagMentionStore(_handle.DataSource))
            .AddSingleton(Reblogs)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .Configure<CampaignOptions>(configuration.GetSection(CampaignOptions.Section))
            .AddCampaignCommands()
            .AddAutoBoost()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
