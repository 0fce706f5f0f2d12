using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignBot.Web.Hosting;

/// <summary>
/// The 1 MB cap on request bodies, for every path. Kestrel enforces it only on a body that is read, and only the
/// endpoints marked <see cref="OwnBody"/> read theirs: anywhere else a declared length past the cap is refused at once,
/// and a body of unknown length (chunked) is read through the cap and dropped, so that more than 1 MB is a 413 there
/// too instead of a 404 or 405 answered while the body is still arriving.
/// </summary>
internal static class BodyLimit
{
    public static async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.ContentLength > WebApp.MaxBodyBytes)
        {
            // The body stays unread, so the connection can't be reused.
            context.Response.Headers.Connection = "close";
            await Failures.WriteAsync(context, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
            return;
        }

        if (request.ContentLength is null
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true }
            && context.GetEndpoint()?.Metadata.GetMetadata<OwnBody>() is null)
        {
            // Kestrel throws a 413 BadHttpRequestException past MaxRequestBodySize; Failures answers it.
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        }

        await next(context).ConfigureAwait(false);
    }
}
