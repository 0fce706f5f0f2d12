using System.Data.Common;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Storage.Dialects;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// The one ICampaignStore for both engines: each table keeps its own SQL, shared by SQLite and PostgreSQL.
// Expects a migrated database (DatabaseMigrator). Event changes and the reminder rows they imply (EventReminders)
// are written in one transaction; waking the dispatcher for them is the service layer's part, after the commit.
public sealed class SqlCampaignStore(DbDataSource dataSource, TimeProvider clock) : ICampaignStore
{
    private readonly EventTable _events = new(dataSource);
    private readonly RsvpTable _rsvps = new(dataSource);
    private readonly PersonalReminderTable _reminders = new(dataSource);
    private readonly HashtagChangeTable _hashtags = new(dataSource);
    private readonly SubscriptionTable _subscriptions = new(dataSource);
    private readonly SettingTable _settings = new(dataSource);
    private readonly StatsQuery _stats = new(dataSource);
    private readonly EventCardTable _cards = new(dataSource);
    private readonly InterestTable _interest = new(dataSource);

    public Task AddInterestAsync(long eventId, Person person, DateTimeOffset answeredAt, CancellationToken cancellationToken) =>
        _interest.AddAsync(eventId, person, answeredAt, cancellationToken);

    public Task<IReadOnlyList<string>> ListInterestAsync(long eventId, Platform platform, CancellationToken cancellationToken) =>
        _interest.ListAsync(eventId, platform, cancellationToken);

    public Task<bool> WithdrawInterestAsync(long eventId, Person person, CancellationToken cancellationToken) =>
        _interest.WithdrawAsync(eventId, person, cancellationToken);

    public Task AddEventCardAsync(EventCard card, CancellationToken cancellationToken) => _cards.AddAsync(card, cancellationToken);

    public Task<IReadOnlyList<EventCard>> ListEventCardsAsync(long eventId, CancellationToken cancellationToken) => _cards.ListAsync(eventId, cancellationToken);

    public Task<CampaignEvent> AddEventAsync(CampaignEvent draft, CancellationToken cancellationToken) =>
        SqlSession.RunAsync(dataSource, async session =>
        {
            var stored = await _events.AddAsync(session, draft, cancellationToken).ConfigureAwait(false);
            await ReminderRows.SyncEventAsync(session, stored, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);

    public async Task<IReadOnlyList<CampaignEvent>> AddEventsAsync(IReadOnlyList<CampaignEvent> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        var dialect = StorageDialect.Of(dataSource);
        var now = clock.GetUtcNow();
        return await SqlSession.RunAsync(dataSource, async session =>
        {
            var stored = await _events.ReserveIdsAsync(session, dialect, drafts, cancellationToken).ConfigureAwait(false);

            // Planning the reminder rows costs about as much CPU as sending the events: it runs on another core while the
            // events are written (25,000 events and their 100,000 reminders: ~130 ms).
            var planned = Task.Run(() => ReminderRows.PlanForNewEvents(stored, now), cancellationToken);
            await Task.WhenAll(_events.InsertManyAsync(session, dialect, stored, cancellationToken), planned).ConfigureAwait(false);
            await ReminderRows.InsertForNewEventsAsync(session, dialect, await planned.ConfigureAwait(false), now, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<CampaignEvent>)stored;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<CampaignEvent?> GetEventAsync(long id, CancellationToken cancellationToken) => _events.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<CampaignEvent>> GetEventsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => _events.GetManyAsync(ids, cancellationToken);

    public Task<IReadOnlyList<CampaignEvent>> FindEventsByTitlePrefixAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        _events.FindByTitlePrefixAsync(prefix, limit, cancellationToken);

    public Task<IReadOnlyList<CampaignEvent>> ListEventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        _events.ListAsync(query, cancellationToken);

    public Task<bool> UpdateEventAsync(CampaignEvent updated, CancellationToken cancellationToken) =>
        SqlSession.RunAsync(dataSource, async session =>
        {
            if (!await _events.UpdateAsync(session, updated, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await ReminderRows.SyncEventAsync(session, updated, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<DateTimeOffset?> NextReminderAsync(long eventId, CancellationToken cancellationToken) =>
        ReminderRows.NextFireAsync(dataSource, eventId, cancellationToken);

    public Task SetRsvpAsync(Rsvp rsvp, CancellationToken cancellationToken) => _rsvps.SetAsync(rsvp, cancellationToken);

    public Task<Rsvp?> GetRsvpAsync(long eventId, Person person, CancellationToken cancellationToken) =>
        _rsvps.GetAsync(eventId, person, cancellationToken);

    public Task<IReadOnlyDictionary<long, RsvpCounts>> GetRsvpCountsAsync(IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken) =>
        _rsvps.CountAsync(eventIds, cancellationToken);

    public Task<PersonalReminder> AddPersonalReminderAsync(PersonalReminder draft, CancellationToken cancellationToken) =>
        SqlSession.RunAsync(dataSource, async session =>
        {
            var stored = await _reminders.AddAsync(session, draft, cancellationToken).ConfigureAwait(false);
            await ReminderRows.AddPersonalAsync(session, stored, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);

    public Task<IReadOnlyList<PersonalReminder>> ListPersonalRemindersAsync(Person person, CancellationToken cancellationToken) =>
        _reminders.ListAsync(person, cancellationToken);

    public Task<PersonalReminder?> GetPersonalReminderAsync(long id, CancellationToken cancellationToken) => _reminders.GetAsync(id, cancellationToken);

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
