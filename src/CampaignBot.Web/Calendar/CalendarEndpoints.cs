using CampaignBot.Core.Domain;
using CampaignBot.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CampaignBot.Web.Calendar;

/// <summary><c>/calendar.ics</c>, <c>/calendar/{kind}.ics</c> and <c>/events/{id}.ics</c>, with ETag and 304.</summary>
internal static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static void Map(IEndpointRouteBuilder endpoints, IServiceProvider services)
    {
        var feed = services.GetRequiredService<CalendarFeed>();
        var pages = services.GetRequiredService<PageRenderer>();
        endpoints.MapMethods("/calendar.ics", PageEndpoints.ReadMethods, async (HttpContext context) =>
            await WriteAsync(context, await feed.FeedAsync(null, context.RequestAborted).ConfigureAwait(false), "campaign.ics").ConfigureAwait(false));
        endpoints.MapMethods("/calendar/{kind}.ics", PageEndpoints.ReadMethods, async (HttpContext context, string kind) =>
        {
            if (!EventKinds.TryParse(kind, out var parsed))
            {
                await pages.NotFoundAsync(context).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, await feed.FeedAsync(parsed, context.RequestAborted).ConfigureAwait(false), $"{EventKinds.Name(parsed)}.ics").ConfigureAwait(false);
        });
        endpoints.MapMethods("/events/{id:long}.ics", PageEndpoints.ReadMethods, async (HttpContext context, long id) =>
        {
            if (await feed.EventAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } file)
            {
                await pages.NotFoundAsync(context).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, file, $"action-{id}.ics").ConfigureAwait(false);
        });
    }

    private static async Task WriteAsync(HttpContext context, CalendarFile file, string fileName)
    {
        var headers = context.Response.Headers;
        headers.ETag = file.ETag;
        headers.CacheControl = "public, max-age=300";
        headers.LastModified = file.LastModified.ToString("R");
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(file.ETag), useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = ContentType;
        headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        context.Response.ContentLength = file.Content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(file.Content, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
