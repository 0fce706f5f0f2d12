using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Commands.Tests;

/// <summary>
/// The real router and modules over a real SQLite store, with a controllable clock and a recording sender at the
/// platform boundary.
/// </summary>
public sealed class CommandHarness : IAsyncDisposable
{
    /// <summary>Tuesday 24 November 2026, 10:00 GMT.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static readonly Person Organiser = new(Platform.Discord, "100", "Rosa");
    public static readonly Person Supporter = new(Platform.Discord, "200", "Sam");
    public static readonly Destination Channel = new(Platform.Discord, "chan-1", "#actions");

    private readonly ServiceProvider _services;
    private readonly ITestDatabase _database;

    private CommandHarness(ITestDatabase database, ServiceProvider services, ICampaignStore store, FakeTimeProvider clock, System.Data.Common.DbDataSource dataSource)
    {
        DataSource = dataSource;
        _database = database;
        Clock = clock;
        _services = services;
        Store = store;
        Router = services.GetRequiredService<ICommandRouter>();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The database under the store, for tests that break it on purpose.</summary>
    public System.Data.Common.DbDataSource DataSource { get; }

    public ICampaignStore Store { get; }

    public SqlHashtagMentionStore Mentions => _services.GetRequiredService<SqlHashtagMentionStore>();

    public ICommandRouter Router { get; }

    public RecordingSender Sender => _services.GetRequiredService<RecordingSender>();

    public CampaignState State => _services.GetRequiredService<CampaignState>();

    /// <summary>Every dispatcher wake-up the commands raised, with what the database showed pending at that moment.</summary>
    public RecordingWakeup Wakeup => _services.GetRequiredService<RecordingWakeup>();

    public static async Task<CommandHarness> CreateAsync(ITestDatabase? database = null)
    {
        database ??= new SqliteTestDatabase();
        var handle = await database.OpenAsync();
        var store = handle.Store;
        var mentions = new SqlHashtagMentionStore(handle.DataSource);
        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(store)
            .AddSingleton(mentions)
            .AddSingleton<IHashtagCounts>(mentions)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new RecordingSender())
            .AddSingleton<IChatSender>(sp => sp.GetRequiredService<RecordingSender>())
            .AddSingleton(new RecordingWakeup(new SqlReminderQueue(handle.DataSource, database.Provider, clock)))
            .AddSingleton<IReminderWakeup>(sp => sp.GetRequiredService<RecordingWakeup>())
            .Configure<CampaignOptions>(options =>
            {
                options.Name = "Test campaign";
                options.Hashtags = ["NotSafeNotFair", "ImInWorkJeremy"];
            })
            .AddCampaignCommands()
            .BuildServiceProvider();
        return new CommandHarness(database, services, store, clock, handle.DataSource);
    }

    public Task<Result<Reply>> RunAsync(string line, Person? who = null, bool organiser = true, Destination? channel = null) =>
        Router.HandleTextAsync(line, new CommandContext(who ?? Organiser, channel ?? Channel, organiser), TestContext.Current.CancellationToken);

    /// <summary>Runs a command that must succeed and returns its reply as plain text.</summary>
    public async Task<string> OkAsync(string line, Person? who = null, bool organiser = true, Destination? channel = null)
    {
        var result = await RunAsync(line, who, organiser, channel);
        Assert.True(result.IsSuccess, $"{line} → {result.Error}");
        return result.Value.ToPlainText(Clock);
    }

    /// <summary>Runs a command that must fail and returns its error.</summary>
    public async Task<Error> FailsAsync(string line, Person? who = null, bool organiser = true, Destination? channel = null)
    {
        var result = await RunAsync(line, who, organiser, channel);
        Assert.False(result.IsSuccess, $"{line} should have failed but replied: {(result.IsSuccess ? result.Value.ToPlainText(Clock) : string.Empty)}");
        return result.Error!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
