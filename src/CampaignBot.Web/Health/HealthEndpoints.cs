using System.Text.Json;
using CampaignBot.Core.Ports;
using CampaignBot.Web.Hosting;
using CampaignBot.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Web.Health;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: every part's state; 503 when the database or the scheduler
/// is not ready. An adapter that is down is named as not ready but does not make the bot unready on its own: the
/// reminders, the page and the other platform still work, and restarting would not bring a rejected token back.
/// Each part's state text (a stop reason can name an address from the settings) goes only to clients on this machine
/// when the listener is the public one; on a private <c>Web:MetricsUrls</c> it goes to every client.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static void Map(IEndpointRouteBuilder endpoints, IServiceProvider services, bool detailedForAll)
    {
        var probes = services.GetServices<IReadinessProbe>().ToArray();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CampaignBot.Web.Health");
        var clock = services.GetRequiredService<TimeProvider>();
        endpoints.MapMethods("/healthz", PageEndpoints.ReadMethods, (HttpContext context) => WriteAsync(context, StatusCodes.Status200OK, "alive", [], detailed: false));
        endpoints.MapMethods("/readyz", PageEndpoints.ReadMethods, async (HttpContext context) =>
        {
            var results = await CheckAllAsync(probes, logger, clock, context.RequestAborted).ConfigureAwait(false);
            var ready = results.All(r => r.Readiness.Ready || !r.Probe.Required);
            var status = !ready ? "not ready" : results.All(r => r.Readiness.Ready) ? "ready" : "degraded";
            var detailed = detailedForAll || ClientAddress.IsLocal(context);
            await WriteAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, status, results, detailed).ConfigureAwait(false);
        });
    }

    private static Task<(IReadinessProbe Probe, Readiness Readiness)[]> CheckAllAsync(IReadinessProbe[] probes, ILogger logger, TimeProvider clock, CancellationToken cancellationToken)
    {
        var checks = new Task<(IReadinessProbe, Readiness)>[probes.Length];
        for (var i = 0; i < probes.Length; i++)
        {
            checks[i] = CheckAsync(probes[i], logger, clock, cancellationToken);
        }

        return Task.WhenAll(checks);
    }

    private static async Task<(IReadinessProbe Probe, Readiness Readiness)> CheckAsync(IReadinessProbe probe, ILogger logger, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(ProbeTimeout, clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return (probe, await probe.CheckAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (probe, Readiness.Down($"no answer within {ProbeTimeout.TotalSeconds:0} s"));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ProbeFailed(logger, exception, probe.Name);
            return (probe, Readiness.Down($"check failed: {exception.GetType().Name}"));
        }
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, string status, IReadOnlyList<(IReadinessProbe Probe, Readiness Readiness)> results, bool detailed)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("status", status);
            if (results.Count > 0)
            {
                writer.WriteStartObject("checks");
                foreach (var (probe, readiness) in results)
                {
                    writer.WriteStartObject(probe.Name);
                    writer.WriteBoolean("ready", readiness.Ready);
                    writer.WriteBoolean("required", probe.Required);
                    if (detailed)
                    {
                        writer.WriteString("state", readiness.State);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }
    }
}
