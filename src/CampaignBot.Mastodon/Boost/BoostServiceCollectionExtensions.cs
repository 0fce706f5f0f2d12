using CampaignBot.Core.Boosting;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Boost;

public static class BoostServiceCollectionExtensions
{
    /// <summary>
    /// Auto-boost: binds and validates <c>Mastodon:Boost</c>, and registers <see cref="BotIdentity"/>, the
    /// <see cref="BoostPolicy"/>, the <see cref="AutoBooster"/>, its <c>Auto-boost</c> status source and a hosted service
    /// that retries boosts left waiting. Expects from elsewhere: <see cref="IReblogClient"/> (the Mastodon REST client),
    /// <c>IBoostLedger</c> and <see cref="ICampaignStore"/> (storage), and <see cref="CampaignOptions"/> bound.
    /// The adapter must call <see cref="BotIdentity.Set"/> after <c>verify_credentials</c> and hand every tagged status
    /// to <see cref="AutoBooster.ConsiderAsync"/>.
    /// </summary>
    public static IServiceCollection AddAutoBoost(this IServiceCollection services)
    {
        services.AddOptions<BoostOptions>()
            .BindConfiguration(BoostOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoostOptions>, BoostOptionsValidator>());
        services.AddOptions<CampaignOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BotIdentity>();
        services.TryAddSingleton(provider => new BoostPolicy(provider.GetRequiredService<IOptions<BoostOptions>>().Value));
        services.TryAddSingleton<AutoBooster>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBoostPauseListener, AutoBooster>(provider => provider.GetRequiredService<AutoBooster>()));
        services.TryAddSingleton<BoostStatus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStatusSource, BoostStatus>(provider => provider.GetRequiredService<BoostStatus>()));
        services.AddHostedService<BoostRetryService>();
        return services;
    }
}
