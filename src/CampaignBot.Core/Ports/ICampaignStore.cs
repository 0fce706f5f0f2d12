using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Ports;

/// <summary>Durable campaign state. SQLite and PostgreSQL implement it with identical behaviour.</summary>
public interface ICampaignStore
{
    /// <summary>Stores a new event (its <c>Id</c> is ignored) and returns it with the id assigned.</summary>
    Task<CampaignEvent> AddEventAsync(CampaignEvent draft, CancellationToken cancellationToken);

    /// <summary>Stores many new events (imports, seeds) in one transaction; returns them with their ids, in order.</summary>
    Task<IReadOnlyList<CampaignEvent>> AddEventsAsync(IReadOnlyList<CampaignEvent> drafts, CancellationToken cancellationToken);

    Task<CampaignEvent?> GetEventAsync(long id, CancellationToken cancellationToken);

    /// <summary>The events with these ids that exist, in no particular order.</summary>
    Task<IReadOnlyList<CampaignEvent>> GetEventsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Events whose title starts with <paramref name="prefix"/>, case-insensitively, soonest first.</summary>
    Task<IReadOnlyList<CampaignEvent>> FindEventsByTitlePrefixAsync(string prefix, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<CampaignEvent>> ListEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces the stored event with the same id. False when there is none.</summary>
    Task<bool> UpdateEventAsync(CampaignEvent updated, CancellationToken cancellationToken);

    /// <summary>When the event's earliest pending reminder (its own or a person's) fires; null when none is pending.</summary>
    Task<DateTimeOffset?> NextReminderAsync(long eventId, CancellationToken cancellationToken);

    /// <summary>Records a person's answer, replacing any earlier answer of theirs for that event.</summary>
    Task SetRsvpAsync(Rsvp rsvp, CancellationToken cancellationToken);

    Task<Rsvp?> GetRsvpAsync(long eventId, Person person, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<long, RsvpCounts>> GetRsvpCountsAsync(IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken);

    /// <summary>Stores a personal reminder; asking again for the same event and offset returns the existing one.</summary>
    Task<PersonalReminder> AddPersonalReminderAsync(PersonalReminder draft, CancellationToken cancellationToken);

    Task<IReadOnlyList<PersonalReminder>> ListPersonalRemindersAsync(Person person, CancellationToken cancellationToken);

    Task<PersonalReminder?> GetPersonalReminderAsync(long id, CancellationToken cancellationToken);

    /// <summary>Keeps the latest decision per tag (case-insensitive).</summary>
    Task RecordHashtagChangeAsync(HashtagChange change, CancellationToken cancellationToken);

    Task<IReadOnlyList<HashtagChange>> ListHashtagChangesAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces the subscription of a destination.</summary>
    Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<bool> RemoveSubscriptionAsync(Destination destination, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(CancellationToken cancellationToken);

    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken);

    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken);

    Task<StoreStats> GetStatsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Remembers an event card the bot posted; remembering the same message twice keeps one.</summary>
    Task AddEventCardAsync(EventCard card, CancellationToken cancellationToken);

    /// <summary>The cards posted about one action, oldest first.</summary>
    Task<IReadOnlyList<EventCard>> ListEventCardsAsync(long eventId, CancellationToken cancellationToken);

    /// <summary>Notes that <paramref name="person"/>'s RSVP answered at <paramref name="answeredAt"/> came from pressing Interested.</summary>
    Task AddInterestAsync(long eventId, Person person, DateTimeOffset answeredAt, CancellationToken cancellationToken);

    /// <summary>
    /// Interested was removed: withdraws the person's RSVP if it is still the one Interested made (never one given
    /// since by button or command), and forgets the note. True when an RSVP was withdrawn.
    /// </summary>
    Task<bool> WithdrawInterestAsync(long eventId, Person person, CancellationToken cancellationToken);

    /// <summary>The ids of the people on <paramref name="platform"/> whose RSVP to the action came from Interested.</summary>
    Task<IReadOnlyList<string>> ListInterestAsync(long eventId, Platform platform, CancellationToken cancellationToken);
}
