using System.Globalization;
using System.Text;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Time;
using CampaignBot.Web.Calendar;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Web.Pages;

/// <summary>
/// The public pages, rendered on the server: the campaign with its upcoming actions and hashtag momentum, one action,
/// and the 404 page. Only what the campaign already publishes appears: titles, times, places, descriptions and
/// counts of answers, never who answered or who created anything.
/// </summary>
internal sealed class PageRenderer(ICampaignStore store, CampaignState campaign, IHashtagCounts counts, TimeProvider clock, ShortCache<string> cache)
{
    public const int MaxActions = 100;

    public async Task HomeAsync(HttpContext context)
    {
        var page = await cache.GetAsync("/", _ => RenderHomeAsync(context.RequestAborted)).ConfigureAwait(false);
        await WriteAsync(context, StatusCodes.Status200OK, page).ConfigureAwait(false);
    }

    private async Task<string> RenderHomeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = await campaign.NameAsync(cancellationToken).ConfigureAwait(false);
        var description = await campaign.DescriptionAsync(cancellationToken).ConfigureAwait(false);
        // Cancelled upcoming actions stay on the page, marked, so supporters who planned to go find out.
        var listed = await store.ListEventsAsync(new EventQuery(now, IncludePast: true, Limit: MaxActions * 2, Since: now - TimeSpan.FromDays(2)), cancellationToken).ConfigureAwait(false);
        var upcoming = listed.Where(e => EventDurations.EndOf(e) >= now).Take(MaxActions).ToArray();
        var answers = await store.GetRsvpCountsAsync([.. upcoming.Select(e => e.Id)], cancellationToken).ConfigureAwait(false);
        var tags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        var zone = await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);

        var html = Layout.Open(name, description);
        html.Raw("<section aria-labelledby=\"actions\"><h2 id=\"actions\">Upcoming actions</h2>");
        if (upcoming.Length == 0)
        {
            html.Element("p", "No actions are planned yet. Check back soon.", "muted");
        }
        else
        {
            html.Raw("<ol class=\"actions\">");
            foreach (var e in upcoming)
            {
                html.Raw(e.IsCancelled ? "<li class=\"cancelled\">" : "<li>");
                WriteAction(html, e, answers.GetValueOrDefault(e.Id, RsvpCounts.Empty), headingLevel: 3, now);
                html.Raw("</li>");
            }

            html.Raw("</ol>");
        }

        html.Raw("</section>");
        await WriteHashtagsAsync(html, tags, zone, now, cancellationToken).ConfigureAwait(false);
        html.Raw("<section aria-labelledby=\"subscribe\"><h2 id=\"subscribe\">Add every action to your calendar</h2>")
            .Raw("<p>Subscribe to <a href=\"/calendar.ics\">the campaign calendar</a> and new actions, changes and cancellations appear in your calendar app by themselves. Only one kind: ");
        html.Raw(string.Join(" · ", EventKinds.All.Select(kind => $"<a href=\"/calendar/{EventKinds.Name(kind)}.ics\">{EventKinds.PluralName(kind)}</a>")));
        html.Raw(".</p></section>");
        return Layout.Close(html);
    }

    public async Task EventAsync(HttpContext context, long id)
    {
        var cancellationToken = context.RequestAborted;
        if (await store.GetEventAsync(id, cancellationToken).ConfigureAwait(false) is not { } e)
        {
            await NotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var name = await campaign.NameAsync(cancellationToken).ConfigureAwait(false);
        var answers = await store.GetRsvpCountsAsync([e.Id], cancellationToken).ConfigureAwait(false);
        var html = Layout.Open($"{e.Title} · {name}", null, e.Title, name);
        html.Raw(e.IsCancelled ? "<article class=\"cancelled\">" : "<article>");
        WriteAction(html, e, answers.GetValueOrDefault(e.Id, RsvpCounts.Empty), headingLevel: 2, clock.GetUtcNow());
        html.Raw("</article><p><a href=\"/\">All actions</a></p>");
        await WriteAsync(context, StatusCodes.Status200OK, Layout.Close(html)).ConfigureAwait(false);
    }

    public Task NotFoundAsync(HttpContext context)
    {
        var html = Layout.Open("Page not found", null);
        html.Raw("<h2>Page not found</h2><p>There is nothing at this address. It may be an action that was never created, or a mistyped link.</p>")
            .Raw("<p><a href=\"/\">See the campaign's actions</a></p>");
        return WriteAsync(context, StatusCodes.Status404NotFound, Layout.Close(html));
    }

    private static void WriteAction(Html html, CampaignEvent e, RsvpCounts answers, int headingLevel, DateTimeOffset now)
    {
        var id = e.Id.ToString(CultureInfo.InvariantCulture);
        html.Raw($"<h{headingLevel}>").Raw(headingLevel == 3 ? $"<a href=\"/events/{id}\">" : "").Text(e.Title).Raw(headingLevel == 3 ? "</a>" : "").Raw($"</h{headingLevel}>");
        html.Element("span", EventKinds.Name(e.Kind), "kind");
        if (e.IsCancelled)
        {
            html.Raw(" ").Element("span", e.CancelReason is { Length: > 0 } reason ? $"Cancelled: {reason}" : "Cancelled", "status");
        }

        html.Raw("<dl><dt>Starts</dt><dd>");
        Time(html, e.Start, e.TimeZoneId);
        html.Raw(" <span class=\"muted\">(").Text(TimeText.Relative(e.Start, now)).Raw(")</span></dd>");
        html.Raw("<dt>Ends</dt><dd>");
        Time(html, EventDurations.EndOf(e), e.TimeZoneId);
        html.Raw("</dd>");
        if (e.Location is { Length: > 0 } location)
        {
            html.Raw("<dt>Where</dt>").Element("dd", location);
        }

        html.Raw("<dt>Answers</dt>").Element("dd", $"{answers.Going} going · {answers.Maybe} maybe");
        html.Raw("</dl>");
        if (e.Description is { Length: > 0 } description)
        {
            html.Element("p", description);
        }

        if (e.Hashtags.Count > 0)
        {
            html.Element("p", string.Join(' ', e.Hashtags.Select(tag => $"#{tag}")), "muted");
        }

        if (e.Link is { Length: > 0 } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            html.Raw("<p><a rel=\"nofollow noopener\" href=\"").Attribute(uri.AbsoluteUri).Raw("\">More about this action</a></p>");
        }

        html.Raw($"<p><a href=\"/events/{id}.ics\">Add to calendar</a></p>");
    }

    private static void Time(Html html, DateTimeOffset instant, string zoneId)
    {
        var local = TimeText.ToZone(instant, zoneId, out var zoneName);
        html.Raw("<time datetime=\"").Raw(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Raw("\">")
            .Text(local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture))
            .Raw("</time> ").Element("span", zoneName, "muted");
    }

    private async Task WriteHashtagsAsync(Html html, IReadOnlyList<string> tags, string zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return;
        }

        html.Raw("<section aria-labelledby=\"momentum\"><h2 id=\"momentum\">Hashtag momentum</h2>")
            .Element("p", "Posts with each campaign hashtag per day over the last 7 days, counted by the bot. Use them when you post.", "muted")
            .Raw("<ul class=\"tags\">");
        var labels = Enumerable.Range(0, 7).Select(i => TimeText.ToZone(now.AddDays(i - 6), zone, out _).ToString("ddd", CultureInfo.InvariantCulture)).ToArray();
        var index = 0;
        foreach (var tag in tags)
        {
            var hours = await counts.HourlyAsync(tag, now.AddDays(-7), now, cancellationToken).ConfigureAwait(false);
            var days = MomentumChart.Daily(hours, now);
            html.Raw("<li>").Element("h3", $"#{tag}").Element("p", $"{days.Sum()} posts in 7 days · {days[^1]} in the last 24 hours");
            MomentumChart.Write(html, $"tag{index++}", tag, days, labels);
            html.Raw("</li>");
        }

        html.Raw("</ul></section>");
    }

    private static Task WriteAsync(HttpContext context, int status, string page)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        var bytes = Encoding.UTF8.GetBytes(page);
        context.Response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
