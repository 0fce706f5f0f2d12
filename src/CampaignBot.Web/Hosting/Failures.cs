using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Web.Hosting;

/// <summary>A failing request is logged and answered with a bare status and one line: no stack trace, no exception text.</summary>
internal static class Failures
{
    public static async Task CatchAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // A client's bad request (a body past the cap, say) is the client's doing, not the bot's failure.
            if (exception is not BadHttpRequestException)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CampaignBot.Web");
                Log.RequestFailed(logger, exception, context.Request.Method, context.Request.Path);
            }

            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                SecurityHeaders.Apply(context.Response.Headers);
                var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                await WriteAsync(context, status).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A short plain-text answer for an error status.</summary>
    public static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(status switch
        {
            StatusCodes.Status500InternalServerError => "Internal error; it has been logged.\n",
            StatusCodes.Status413PayloadTooLarge => "Request body too large: the limit is 1 MB.\n",
            _ => "Bad request.\n",
        });
    }
}
