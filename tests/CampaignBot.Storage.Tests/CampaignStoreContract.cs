using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Storage.Tests;

// How every ICampaignStore must behave. Each engine runs the whole suite on a fresh database per test.
public abstract partial class CampaignStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 7, 9, 30, 0, TimeSpan.Zero);
    protected static readonly Person Alice = new(Platform.Discord, "100000000000000001", "Alice");
    protected static readonly Person Bob = new(Platform.Mastodon, "bob@example.org", "Bob");
    protected static readonly Person Carol = new(Platform.Shell, "carol", "Carol");

    private ITestDatabase? _database;
    private CampaignStoreHandle? _handle;

    protected ITestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    protected CampaignStoreHandle Handle => _handle ?? throw new InvalidOperationException("Not initialised.");

    protected ICampaignStore Store => Handle.Store;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _handle = await _database.OpenAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    // Swaps the open store for a new one on the same database, as a restart would.
    protected async Task ReopenAsync()
    {
        await Handle.DisposeAsync();
        _handle = await Database.OpenAsync(Ct);
    }

    protected static CampaignEvent Draft(string title, DateTimeOffset start, EventKind kind = EventKind.March) => new()
    {
        Kind = kind,
        Title = title,
        Start = start,
        TimeZoneId = "Europe/London",
        CreatedBy = Alice,
        CreatedAt = Now,
    };

    protected Task<CampaignEvent> AddEventAsync(string title, DateTimeOffset start, EventKind kind = EventKind.March) =>
        Store.AddEventAsync(Draft(title, start, kind), Ct);

    protected static void AssertSameEvent(CampaignEvent expected, CampaignEvent? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Hashtags, actual.Hashtags);
        // Records compare lists by reference; the hashtags were compared item by item above.
        Assert.Equal(expected, actual with { Hashtags = expected.Hashtags });
    }

    protected static string[] Titles(IEnumerable<CampaignEvent> events) => events.Select(e => e.Title).ToArray();
}
