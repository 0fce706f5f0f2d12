using System.Net.Http.Headers;
using CampaignBot.Adapters;
using CampaignBot.Core.Background;
using CampaignBot.Core.Ports;
using CampaignBot.Discord.Delivery;
using CampaignBot.Discord.Gateway;
using CampaignBot.Discord.Interactions;
using CampaignBot.Discord.Registration;
using CampaignBot.Discord.Rest;
using CampaignBot.Discord.ScheduledEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord;

public static class ServiceCollectionExtensions
{
    private const string UserAgent = "DiscordBot (https://github.com/campaignbot/campaignbot, 1.0)";
    private const string HttpClientName = "Discord";

    /// <summary>
    /// The Discord adapter: options from the <c>Discord</c> section (validated at start), the REST and gateway
    /// clients, interaction handling and command registration as a hosted service, the Discord
    /// <see cref="IChatSender"/> and its <see cref="IStatusSource"/>. Needs an <see cref="ICommandRouter"/> and an
    /// <see cref="ICampaignStore"/>.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services)
    {
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new GatewayTimings());

        services.AddPlatformHttpClient(HttpClientName, TimeSpan.FromSeconds(30), sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new PlatformEndpoint(options.ApiBaseUrl, new AuthenticationHeaderValue("Bot", options.Token), UserAgent);
        });
        services.TryAddSingleton<BackgroundWork>();
        services.AddSingleton(sp => new RestRateLimiter(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<BackgroundWork>()));
        services.AddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<RestRateLimiter>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DiscordApi>();

        services.AddSingleton<DiscordAdapterStatus>();
        services.AddSingleton<IStatusSource>(sp => sp.GetRequiredService<DiscordAdapterStatus>());
        services.AddSingleton<IReadinessProbe, DiscordReadiness>();
        services.AddSingleton<IdentifyGate>();
        services.AddSingleton<InteractionTimings>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton(sp => new HttpInteractionReceiver(
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<InteractionDispatcher>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HttpInteractionReceiver>>()));
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<DiscordSender>();
        services.AddSingleton<IChatSender>(sp => sp.GetRequiredService<DiscordSender>());
        services.AddSingleton<IMessageEditor, DiscordMessageEditor>();
        services.AddSingleton<ScheduledEventMirror>();
        services.AddSingleton<IEventMirror>(sp => sp.GetRequiredService<ScheduledEventMirror>());
        services.AddSingleton<InterestDispatcher>();
        services.AddSingleton<EventImporter>();
        services.AddSingleton(sp => new DispatchSinks(
            [sp.GetRequiredService<InteractionDispatcher>(), sp.GetRequiredService<InterestDispatcher>(), sp.GetRequiredService<EventImporter>()]));
        services.AddHostedService<DiscordAdapter>();
        services.AddHostedService<InterestReconciler>();
        return services;
    }
}
