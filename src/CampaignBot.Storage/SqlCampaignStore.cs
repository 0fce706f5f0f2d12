using System.Data.Common;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// The one ICampaignStore for both engines: each table keeps its own SQL, shared by SQLite and PostgreSQL.
// Expects a migrated database (DatabaseMigrator).
public sealed class SqlCampaignStore(DbDataSource dataSource) : ICampaignStore
{
    private readonly EventTable _events = new(dataSource);
    private readonly RsvpTable _rsvps = new(dataSource);
    private readonly PersonalReminderTable _reminders = new(dataSource);
    private readonly HashtagChangeTable _hashtags = new(dataSource);
    private readonly SubscriptionTable _subscriptions = new(dataSource);
    private readonly SettingTable _settings = new(dataSource);
    private readonly StatsQuery _stats = new(dataSource);

    public Task<CampaignEvent> AddEventAsync(CampaignEvent draft, CancellationToken cancellationToken) => _events.AddAsync(draft, cancellationToken);

    public Task<CampaignEvent?> GetEventAsync(long id, CancellationToken cancellationToken) => _events.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<CampaignEvent>> FindEventsByTitlePrefixAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        _events.FindByTitlePrefixAsync(prefix, limit, cancellationToken);

    public Task<IReadOnlyList<CampaignEvent>> ListEventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        _events.ListAsync(query, cancellationToken);

    public Task<bool> UpdateEventAsync(CampaignEvent updated, CancellationToken cancellationToken) => _events.UpdateAsync(updated, cancellationToken);

    public Task SetRsvpAsync(Rsvp rsvp, CancellationToken cancellationToken) => _rsvps.SetAsync(rsvp, cancellationToken);

    public Task<Rsvp?> GetRsvpAsync(long eventId, Person person, CancellationToken cancellationToken) =>
        _rsvps.GetAsync(eventId, person, cancellationToken);

    public Task<IReadOnlyDictionary<long, RsvpCounts>> GetRsvpCountsAsync(IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken) =>
        _rsvps.CountAsync(eventIds, cancellationToken);

    public Task<PersonalReminder> AddPersonalReminderAsync(PersonalReminder draft, CancellationToken cancellationToken) =>
        _reminders.AddAsync(draft, cancellationToken);

    public Task<IReadOnlyList<PersonalReminder>> ListPersonalRemindersAsync(Person person, CancellationToken cancellationToken) =>
        _reminders.ListAsync(person, cancellationToken);

    public Task RecordHashtagChangeAsync(HashtagChange change, CancellationToken cancellationToken) => _hashtags.RecordAsync(change, cancellationToken);

    public Task<IReadOnlyList<HashtagChange>> ListHashtagChangesAsync(CancellationToken cancellationToken) => _hashtags.ListAsync(cancellationToken);

    public Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken) =>
        _subscriptions.UpsertAsync(subscription, cancellationToken);

    public Task<bool> RemoveSubscriptionAsync(Destination destination, CancellationToken cancellationToken) =>
        _subscriptions.RemoveAsync(destination, cancellationToken);

    public Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(CancellationToken cancellationToken) => _subscriptions.ListAsync(cancellationToken);

    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken) => _settings.GetAsync(key, cancellationToken);

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken) => _settings.SetAsync(key, value, cancellationToken);

    public Task<StoreStats> GetStatsAsync(DateTimeOffset now, CancellationToken cancellationToken) => _stats.GetAsync(now, cancellationToken);
}
