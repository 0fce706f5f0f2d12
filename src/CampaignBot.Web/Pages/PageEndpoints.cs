using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Web.Pages;

/// <summary><c>/</c>, <c>/events/{id}</c> and the stylesheet.</summary>
internal static class PageEndpoints
{
    private static readonly byte[] Css = Encoding.UTF8.GetBytes(Styles.Css);

    public static void Map(IEndpointRouteBuilder endpoints, IServiceProvider services)
    {
        var pages = services.GetRequiredService<PageRenderer>();
        endpoints.MapGet("/", (HttpContext context) => pages.HomeAsync(context));
        endpoints.MapGet("/events/{id:long}", (HttpContext context, long id) => pages.EventAsync(context, id));
        endpoints.MapGet("/site.css", (HttpContext context) =>
        {
            context.Response.ContentType = "text/css; charset=utf-8";
            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.ContentLength = Css.Length;
            return context.Response.Body.WriteAsync(Css, context.RequestAborted).AsTask();
        });
    }
}
