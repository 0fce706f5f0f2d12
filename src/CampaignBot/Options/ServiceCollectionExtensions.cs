using CampaignBot.Core.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignBot.Options;

public static class ServiceCollectionExtensions
{
    /// <summary>Binds and validates the <c>Campaign</c> section at start-up.</summary>
    public static IServiceCollection AddCampaignOptions(this IServiceCollection services)
    {
        services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<CampaignOptions>, SeedHashtagDefaults>();
        return services;
    }
}
