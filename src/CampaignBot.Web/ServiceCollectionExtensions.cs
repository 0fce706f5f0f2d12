using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Telemetry;
using CampaignBot.Web.Calendar;
using CampaignBot.Web.Hosting;
using CampaignBot.Web.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CampaignBot.Web;

public static class ServiceCollectionExtensions
{
    private const int MetricPointsPerStream = 100;

    /// <summary>
    /// The web surface: options from the <c>Web</c> section (validated at start), the campaign page, calendar feeds,
    /// health and metrics (OpenTelemetry: the bot's meter, runtime and process, exported for Prometheus), its
    /// <see cref="IStatusSource"/> and <see cref="IEventLinks"/>, and Kestrel as a hosted service unless
    /// <c>Web:Urls</c> is <c>off</c>. Needs the storage services; other parts add endpoints with <see cref="WebEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddCampaignWeb(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebOptions>, WebOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PublicLinks>();
        // In place of the commands' default of no links, whichever registers first.
        services.Replace(ServiceDescriptor.Singleton<IEventLinks>(sp => sp.GetRequiredService<PublicLinks>()));
        services.TryAddSingleton<CampaignState>();
        services.AddSingleton<CalendarIdentity>();
        services.AddSingleton(typeof(ShortCache<>));
        services.AddSingleton<CalendarFeed>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<WebStatus>();
        services.AddSingleton<IStatusSource>(sp => sp.GetRequiredService<WebStatus>());

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("campaignbot"))
            .WithMetrics(metrics => metrics
            .AddMeter(CampaignMeter.Name)
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            // Each metric stream preallocates its limit of points: the default 2,000 put 25 arrays of 144 KB on the
            // large-object heap (3.6 MB). The bot's labels are statuses, outcomes, platforms and reasons: a few
            // dozen combinations at most; any beyond the limit are still counted, under the overflow series.
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricPointsPerStream })
            .AddPrometheusExporter());
        services.AddHostedService<WebSurface>();
        return services;
    }
}
