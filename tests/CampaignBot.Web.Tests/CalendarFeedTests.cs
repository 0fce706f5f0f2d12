using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CampaignBot.Core.Domain;
using CampaignBot.Testing.Databases;
using Ical.Net.CalendarComponents;

namespace CampaignBot.Web.Tests;

public sealed class CalendarFeedTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task Feed_parses_back_with_every_property_including_a_DST_crossing_action()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        // Starts at noon BST on the last Saturday of October and ends at noon GMT the next day: 25 hours.
        var year = DateTimeOffset.UtcNow.Year + 1;
        var lastSunday = LastSundayOfOctober(year);
        var crossingStart = Local(lastSunday.AddDays(-1).AddHours(12));
        var crossingEnd = Local(lastSunday.AddHours(12));
        var crossing = await web.Store.AddEventAsync(Events.Draft("Overnight vigil", crossingStart, EventKind.Picket, crossingEnd), ct);
        var strike = await web.Store.AddEventAsync(Events.Draft("Strike day", DateTimeOffset.UtcNow.AddDays(10), EventKind.Strike), ct);

        var response = await web.Client.GetAsync("/calendar.ics", ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.NotNull(response.Headers.ETag);
        AssertLinesAreFoldedCrlf(bytes);
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(bytes))!;
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);

        var vigil = Single(calendar, crossing.Id);
        Assert.Equal("Overnight vigil", vigil.Summary);
        Assert.Equal("Europe/London", vigil.DtStart!.TzId);
        Assert.Equal(12, vigil.DtStart.Hour);
        Assert.Equal(12, vigil.DtEnd!.Hour);
        Assert.Equal(crossingStart.UtcDateTime, vigil.DtStart.AsUtc);
        Assert.Equal(crossingEnd.UtcDateTime, vigil.DtEnd.AsUtc);
        Assert.Equal(TimeSpan.FromHours(25), vigil.DtEnd.AsUtc - vigil.DtStart.AsUtc);
        Assert.Equal("Parliament Square, London", vigil.Location);
        Assert.StartsWith("Bring banners; wear scrubs", vigil.Description, StringComparison.Ordinal);
        Assert.Contains("#NotSafeNotFair", vigil.Description, StringComparison.Ordinal);
        Assert.Equal(new Uri($"{WebHost.PublicUrl}/events/{crossing.Id}"), vigil.Url);
        Assert.Equal("CONFIRMED", vigil.Status);
        Assert.Equal(0, vigil.Sequence);
        Assert.Equal(Seconds(crossing.CreatedAt), vigil.DtStamp!.AsUtc);
        Assert.Equal(Seconds(crossing.CreatedAt), vigil.LastModified!.AsUtc);
        Assert.Contains("picket", vigil.Categories);

        // No end given: the kind's default (a strike lasts a day).
        var day = Single(calendar, strike.Id);
        Assert.Equal(TimeSpan.FromHours(24), day.DtEnd!.AsUtc - day.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Folding_never_splits_a_character_so_emoji_and_accents_arrive_intact()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        // Emoji are two UTF-16 units and four octets; every offset of them against the 75-octet fold is tried.
        var titles = Enumerable.Range(0, 4).Select(pad => new string('x', pad) + "Zoë — café 日本語 " + string.Concat(Enumerable.Repeat("🙂✊🏽", 12))).ToArray();
        var ids = new List<long>();
        foreach (var title in titles)
        {
            ids.Add((await web.Store.AddEventAsync(Events.Draft(title, DateTimeOffset.UtcNow.AddDays(2)) with { Location = "Ünïcödé Straße, " + title }, ct)).Id);
        }

        using var response = await web.Client.GetAsync("/calendar.ics", ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);

        AssertLinesAreFoldedCrlf(bytes);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var text = strict.GetString(bytes);
        Assert.DoesNotContain('\uFFFD', text);
        // Each physical line on its own is whole UTF-8: no character's octets straddle a fold.
        for (int i = 0, start = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                strict.GetString(bytes, start, i - start);
                start = i + 2;
            }
        }

        var calendar = Ical.Net.Calendar.Load(text)!;
        for (var i = 0; i < titles.Length; i++)
        {
            var vevent = Single(calendar, ids[i]);
            Assert.Equal(titles[i], vevent.Summary);
            Assert.Equal("Ünïcödé Straße, " + titles[i], vevent.Location);
        }
    }

    [Fact]
    public async Task Edits_and_cancellation_raise_the_sequence_and_keep_the_uid()
    {
        await using var database = new SqliteTestDatabase();
        var ct = TestContext.Current.CancellationToken;
        string uid;
        string etag;
        long id;
        await using (var web = await WebHost.StartAsync(database))
        {
            var e = await web.Store.AddEventAsync(Events.Draft("Rally at noon", DateTimeOffset.UtcNow.AddDays(3), EventKind.Rally), ct);
            id = e.Id;
            var first = await GetCalendarAsync(web, "/calendar.ics");
            uid = Single(first.Calendar, id).Uid!;
            etag = first.ETag;

            // Unchanged: the same bytes, so the same ETag, and a conditional request is answered 304.
            var again = await GetCalendarAsync(web, "/calendar.ics");
            Assert.Equal(etag, again.ETag);
            Assert.Equal(Single(first.Calendar, id).DtStamp, Single(again.Calendar, id).DtStamp);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, "/calendar.ics");
            conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
            using var notModified = await web.Client.SendAsync(conditional, ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

            var before = DateTimeOffset.UtcNow.AddSeconds(-1);
            Assert.True(await web.Store.UpdateEventAsync(e with { Location = "Trafalgar Square" }, ct));
            var edited = await GetCalendarAsync(web, "/calendar.ics");
            var vevent = Single(edited.Calendar, id);
            Assert.NotEqual(etag, edited.ETag);
            Assert.Equal(1, vevent.Sequence);
            Assert.Equal("Trafalgar Square", vevent.Location);
            Assert.InRange(vevent.LastModified!.AsUtc, before.UtcDateTime, DateTime.UtcNow.AddSeconds(1));
            Assert.Equal(vevent.LastModified.AsUtc, vevent.DtStamp!.AsUtc);
            etag = edited.ETag;
        }

        // After a restart: the same UID and the same feed, byte for byte.
        await using (var web = await WebHost.StartAsync(database))
        {
            var restarted = await GetCalendarAsync(web, "/calendar.ics");
            Assert.Equal(uid, Single(restarted.Calendar, id).Uid);
            Assert.Equal(etag, restarted.ETag);

            var e = (await web.Store.GetEventAsync(id, ct))!;
            await web.Store.UpdateEventAsync(e with { Status = EventStatus.Cancelled, CancelReason = "Venue closed" }, ct);
            var cancelled = Single((await GetCalendarAsync(web, "/calendar.ics")).Calendar, id);
            Assert.Equal("CANCELLED", cancelled.Status);
            Assert.Equal(2, cancelled.Sequence);
            Assert.Equal(uid, cancelled.Uid);
            Assert.Contains("Venue closed", cancelled.Description, StringComparison.Ordinal);

            var single = await GetCalendarAsync(web, $"/events/{id}.ics");
            Assert.Equal("CANCELLED", Single(single.Calendar, id).Status);
        }
    }

    [Fact]
    public async Task Feeds_hold_the_last_30_days_and_one_kind_when_asked()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        var old = await web.Store.AddEventAsync(Events.Draft("Long ago", DateTimeOffset.UtcNow.AddDays(-40)), ct);
        var recent = await web.Store.AddEventAsync(Events.Draft("Last week", DateTimeOffset.UtcNow.AddDays(-7)), ct);
        var strike = await web.Store.AddEventAsync(Events.Draft("Next strike", DateTimeOffset.UtcNow.AddDays(7), EventKind.Strike), ct);

        var all = (await GetCalendarAsync(web, "/calendar.ics")).Calendar;
        var strikes = (await GetCalendarAsync(web, "/calendar/strike.ics")).Calendar;

        Assert.Equal([recent.Id, strike.Id], Ids(all));
        Assert.Equal([strike.Id], Ids(strikes));
        Assert.Equal("Test campaign: strikes", strikes.Properties.Get<string>("X-WR-CALNAME"));
        Assert.Equal("Test campaign: marches", (await GetCalendarAsync(web, "/calendar/march.ics")).Calendar.Properties.Get<string>("X-WR-CALNAME"));
        Assert.DoesNotContain(old.Id, Ids(all));
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client.GetAsync("/calendar/parade.ics", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client.GetAsync("/events/999.ics", ct)).StatusCode);
    }

    [Fact]
    public async Task Feed_is_served_from_memory_for_the_cache_time_and_answers_HEAD()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database, settings => settings["Web:CacheSeconds"] = "60");
        var ct = TestContext.Current.CancellationToken;
        await web.Store.AddEventAsync(Events.Draft("First", DateTimeOffset.UtcNow.AddDays(1)), ct);

        var first = await GetCalendarAsync(web, "/calendar.ics");
        await web.Store.AddEventAsync(Events.Draft("Second", DateTimeOffset.UtcNow.AddDays(2)), ct);
        var cached = await GetCalendarAsync(web, "/calendar.ics");
        using var head = await web.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/calendar.ics"), ct);

        Assert.Equal(first.ETag, cached.ETag);
        Assert.Single(cached.Calendar.Events);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(first.ETag, head.Headers.ETag!.Tag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(ct));
    }

    private static async Task<(Ical.Net.Calendar Calendar, string ETag)> GetCalendarAsync(WebHost web, string path)
    {
        using var response = await web.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (Ical.Net.Calendar.Load(text)!, response.Headers.ETag!.Tag);
    }

    private static CalendarEvent Single(Ical.Net.Calendar calendar, long id) =>
        Assert.Single(calendar.Events, e => e.Uid!.StartsWith($"event-{id}-", StringComparison.Ordinal));

    private static long[] Ids(Ical.Net.Calendar calendar) =>
        [.. calendar.Events.Select(e => long.Parse(e.Uid!.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture)).Order()];

    // RFC 5545 §3.1: lines end in CRLF and are at most 75 octets long, continuation lines start with a space.
    private static void AssertLinesAreFoldedCrlf(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
    }

    private static DateTimeOffset LastSundayOfOctober(int year)
    {
        var day = new DateTime(year, 10, 31);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return new DateTimeOffset(day, TimeSpan.Zero);
    }

    // A wall-clock time in London given as the date part of a DateTimeOffset, to the instant it is.
    private static DateTimeOffset Local(DateTimeOffset wallClock)
    {
        var local = wallClock.DateTime;
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    private static DateTime Seconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds()).UtcDateTime;
}
