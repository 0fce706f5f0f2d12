using CampaignBot.Discord.Interactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Endpoints;

/// <summary>
/// <c>POST /discord/interactions</c> on the web surface, wired here because Web never references an adapter: the
/// request's exact bytes go to the Discord adapter's <see cref="HttpInteractionReceiver"/>, which decides the answer.
/// </summary>
internal static class DiscordInteractionsEndpoint
{
    // Interactions are a few kilobytes; anything near this is not from Discord.
    private const int MaxBody = 64 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints, IServiceProvider services)
    {
        var receiver = services.GetRequiredService<HttpInteractionReceiver>();
        endpoints.MapPost("/discord/interactions", async (HttpContext context) =>
        {
            if (context.Request.ContentLength is > MaxBody)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            if (body.Length > MaxBody)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            var answer = receiver.Receive(
                context.Request.Headers["X-Signature-Ed25519"].ToString(),
                context.Request.Headers["X-Signature-Timestamp"].ToString(),
                body.GetBuffer().AsSpan(0, (int)body.Length));
            context.Response.StatusCode = answer.Status;
            if (answer.Json is { } json)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
            }
        });
    }
}
