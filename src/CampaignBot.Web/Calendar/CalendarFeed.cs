using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Web.Calendar;

/// <summary>
/// The feeds: every action from 30 days ago on, or one kind's, or one action. A feed is served from memory for
/// <c>Web:CacheSeconds</c>, then the store is read and the feed rebuilt only if what it shows changed (ids, revisions
/// and change times of its actions, and the campaign's name): calendar apps poll often, and a busy page's worth of
/// them must not serialize a thousand actions each time.
/// </summary>
internal sealed class CalendarFeed(ICampaignStore store, CampaignState campaign, CalendarIdentity identity, TimeProvider clock, PublicLinks links, ShortCache<CalendarFile> cache)
{
    public const int MaxEvents = 5000;
    public static readonly TimeSpan History = TimeSpan.FromDays(30);

    public Task<CalendarFile> FeedAsync(EventKind? kind, CancellationToken cancellationToken) =>
        cache.GetAsync(kind is { } only ? EventKinds.Name(only) : "all", previous => ReadAsync(kind, previous, cancellationToken));

    private async Task<CalendarFile> ReadAsync(EventKind? kind, CalendarFile? previous, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var events = await store.ListEventsAsync(new EventQuery(now, kind, IncludePast: true, Limit: MaxEvents, Since: now - History), cancellationToken).ConfigureAwait(false);
        var name = await campaign.NameAsync(cancellationToken).ConfigureAwait(false);
        var title = kind is { } k ? $"{name}: {EventKinds.PluralName(k)}" : name;
        var fingerprint = Fingerprint(title, events);
        return previous is not null && previous.Fingerprint == fingerprint
            ? previous
            : await BuildAsync(title, events, fingerprint, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CalendarFile?> EventAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetEventAsync(id, cancellationToken).ConfigureAwait(false) is not { } e)
        {
            return null;
        }

        var title = $"{await campaign.NameAsync(cancellationToken).ConfigureAwait(false)}: {e.Title}";
        return await BuildAsync(title, [e], Fingerprint(title, [e]), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CalendarFile> BuildAsync(string title, IReadOnlyList<CampaignEvent> events, string fingerprint, CancellationToken cancellationToken)
    {
        var calendarId = await identity.CalendarIdAsync(cancellationToken).ConfigureAwait(false);
        var content = CalendarWriter.Write(title, calendarId, events, links);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";
        var lastModified = events.Count == 0 ? DateTimeOffset.UnixEpoch : events.Max(e => e.LastModified);
        return new CalendarFile(content, etag, fingerprint, lastModified);
    }

    private static string Fingerprint(string title, IReadOnlyList<CampaignEvent> events)
    {
        var text = new StringBuilder(title).Append('\n');
        foreach (var e in events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Id}:{e.Revision}:{e.LastModified.ToUnixTimeMilliseconds()};");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
