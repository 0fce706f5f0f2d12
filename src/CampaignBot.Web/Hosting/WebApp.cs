using System.Globalization;
using System.Threading.RateLimiting;
using CampaignBot.Web.Calendar;
using CampaignBot.Web.Health;
using CampaignBot.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace CampaignBot.Web.Hosting;

/// <summary>
/// Builds one Kestrel listener. It has its own small container (routing, rate limiting) and takes everything else
/// (store, clock, logging, the meter provider) from the bot's services, so the web surface sees exactly what the
/// commands see.
/// </summary>
internal static class WebApp
{
    public const string PublicPolicy = "public";

    /// <summary>The largest request body accepted anywhere; Discord's interactions are a few kilobytes.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static WebApplication Build(IServiceProvider services, IReadOnlyList<string> urls, Surface surface)
    {
        // An empty builder: no appsettings, no ASPNETCORE_ variables, never the developer exception page.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        builder.WebHost.UseUrls([.. urls]);
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(new WebLoggerFactory(services.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddRoutingCore();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RetryAfter;
            limiter.AddPolicy(PublicPolicy, PerClient);
        });
        var trusted = services.GetRequiredService<IOptions<WebOptions>>().Value.TrustedProxyEntries;
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Hops are read from the right for as long as each one is a trusted proxy, so a proxy in front of a proxy
            // works, and an address a client wrote into the header itself is never reached past the first untrusted hop.
            forwarded.ForwardLimit = null;
            foreach (var entry in trusted)
            {
                if (WebOptions.TryParseNetwork(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });

        var app = builder.Build();
        app.Use(Failures.CatchAsync);
        app.UseForwardedHeaders();
        app.Use(SecurityHeaders.AddAsync);
        app.UseRouting();
        app.Use(BodyLimit.EnforceAsync);
        app.UseRateLimiter();

        if (surface.HasFlag(Surface.Operations))
        {
            HealthEndpoints.Map(app, services, detailedForAll: !surface.HasFlag(Surface.Public));
            // The exporter maps every method; a scrape is a GET (or HEAD), anything else gets the 405 the others get.
            app.MapPrometheusScrapingEndpoint("/metrics", services.GetRequiredService<MeterProvider>(), null, null)
                .WithMetadata(new HttpMethodMetadata(PageEndpoints.ReadMethods));
        }

        if (surface.HasFlag(Surface.Public))
        {
            var group = app.MapGroup("").RequireRateLimiting(PublicPolicy);
            PageEndpoints.Map(group, services);
            CalendarEndpoints.Map(group, services);
            // Not rate limited: Discord's requests are signed, and a busy server's commands must not be turned away.
            var contributed = app.MapGroup("").WithMetadata(OwnBody.Instance);
            foreach (var contribution in services.GetServices<WebEndpoints>())
            {
                contribution.Map(contributed, services);
            }
        }

        // Endpoints run here, so that what matches none of them reaches the 404 page below (a wrong method on a known
        // path is answered 405 by routing).
        app.UseEndpoints(_ => { });
        app.Run(services.GetRequiredService<PageRenderer>().NotFoundAsync);
        return app;
    }

    // A limited client is told when to come back (the bucket's next token), as calendar apps and crawlers honour.
    private static ValueTask RetryAfter(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    // Per client address (the real one behind a local reverse proxy, from X-Forwarded-For). Clients on this machine
    // are not limited: they are the operator's own tools, or a proxy that did not say whom it forwards for.
    private static RateLimitPartition<string> PerClient(HttpContext context)
    {
        if (ClientAddress.IsLocal(context))
        {
            return RateLimitPartition.GetNoLimiter("local");
        }

        return RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress!.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 120,
            TokensPerPeriod = 20,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
