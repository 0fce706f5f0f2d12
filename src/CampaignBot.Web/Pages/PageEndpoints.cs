using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Web.Pages;

/// <summary><c>/</c>, <c>/events/{id}</c> and the stylesheet.</summary>
internal static class PageEndpoints
{
    // Calendar apps, link checkers and uptime monitors ask with HEAD; the writers send headers only for it.
    internal static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    private static readonly byte[] Css = Encoding.UTF8.GetBytes(Styles.Css);

    public static void Map(IEndpointRouteBuilder endpoints, IServiceProvider services)
    {
        var pages = services.GetRequiredService<PageRenderer>();
        endpoints.MapMethods("/", ReadMethods, (HttpContext context) => pages.HomeAsync(context));
        endpoints.MapMethods("/events/{id:long}", ReadMethods, (HttpContext context, long id) => pages.EventAsync(context, id));
        endpoints.MapMethods("/site.css", ReadMethods, (HttpContext context) =>
        {
            context.Response.ContentType = "text/css; charset=utf-8";
            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.ContentLength = Css.Length;
            return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(Css, context.RequestAborted).AsTask();
        });
    }
}
