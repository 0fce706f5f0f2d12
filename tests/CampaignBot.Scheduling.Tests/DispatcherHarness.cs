using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Storage;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Scheduling.Tests;

/// <summary>
/// The real dispatcher over a real database, on a fake clock. "Restarting" is a new dispatcher (new node) over the
/// same database, as a process restart would be; the sender is the platform boundary.
/// </summary>
public sealed class DispatcherHarness : IAsyncDisposable
{
    /// <summary>Tuesday 24 November 2026, 10:00 GMT.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static readonly Person Organiser = new(Platform.Discord, "100", "Rosa");

    private readonly ITestDatabase _database;
    private readonly CampaignStoreHandle _handle;
    private int _restarts;

    private DispatcherHarness(ITestDatabase database, CampaignStoreHandle handle, SchedulingOptions options, DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        Sender = new RecordingSender(Platform.Discord, Clock);
        _database = database;
        _handle = handle;
        Options = options;
        Store = new SqlCampaignStore(handle.DataSource, Clock);
        Mentions = new SqlHashtagMentionStore(handle.DataSource);
        Deliverer = new Deliverer(new SqlDeliveryLog(handle.DataSource, Clock), [Sender]);
        Queue = new SqlReminderQueue(handle.DataSource, database.Provider, Clock);
        State = new CampaignState(Store, Microsoft.Extensions.Options.Options.Create(Campaign), Clock);
        Dispatcher = NewDispatcher();
    }

    public FakeTimeProvider Clock { get; }

    public SchedulingOptions Options { get; }

    public SqlCampaignStore Store { get; }

    public SqlReminderQueue Queue { get; }

    public SqlHashtagMentionStore Mentions { get; }

    public Deliverer Deliverer { get; }

    public CampaignOptions Campaign { get; } = new() { Name = "Test campaign", Hashtags = ["LoveYourNHS"] };

    /// <summary>The campaign's effective settings over <see cref="Store"/> and <see cref="Campaign"/>.</summary>
    public CampaignState State { get; }

    public RecordingSender Sender { get; }

    public ReminderDispatcher Dispatcher { get; private set; }

    /// <summary>The claims the current dispatcher is working on (what its heartbeat would renew).</summary>
    public HeldClaims Held { get; private set; } = new();

    public static async Task<DispatcherHarness> CreateAsync(ITestDatabase? database = null, SchedulingOptions? options = null, DateTimeOffset? now = null)
    {
        database ??= new SqliteTestDatabase();
        var handle = await database.OpenAsync(TestContext.Current.CancellationToken);
        return new DispatcherHarness(database, handle, options ?? new SchedulingOptions { RetryBackoff = TimeSpan.FromSeconds(5), MaxAttempts = 3, Linger = TimeSpan.Zero }, now ?? Start);
    }

    /// <summary>A new dispatcher on a new node over the same database, as after a process restart.</summary>
    public void Restart() => Dispatcher = NewDispatcher();

    public Task<int> RunAsync() => Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken);

    public async Task<CampaignEvent> AddEventAsync(string title, DateTimeOffset start, string zone = "Europe/London", EventKind kind = EventKind.March, params TimeSpan[] offsets) =>
        await Store.AddEventAsync(new CampaignEvent
        {
            Kind = kind,
            Title = title,
            Start = start,
            TimeZoneId = zone,
            Location = "Parliament Square",
            Hashtags = ["NotSafeNotFair"],
            Reminders = new ReminderPlan(offsets),
            CreatedBy = Organiser,
            CreatedAt = Clock.GetUtcNow(),
        }, TestContext.Current.CancellationToken);

    public Task SubscribeAsync(string channel, params EventKind[] kinds) =>
        Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, channel, $"#{channel}"), kinds.Length == 0 ? EventKinds.All : kinds, Organiser, Clock.GetUtcNow()), TestContext.Current.CancellationToken);

    public Task<ReminderStats> StatsAsync() => Queue.StatsAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _handle.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ReminderDispatcher NewDispatcher() => new(
        Queue,
        Store,
        new Deliverer(new SqlDeliveryLog(_handle.DataSource, Clock), [Sender]),
        new NodeIdentity($"node-{++_restarts}"),
        Held = new HeldClaims(),
        new DueInstants(Clock),
        Microsoft.Extensions.Options.Options.Create(Options),
        State,
        Clock,
        NullLogger<ReminderDispatcher>.Instance);
}
