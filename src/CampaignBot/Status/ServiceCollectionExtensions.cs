using CampaignBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Status;

public static class ServiceCollectionExtensions
{
    /// <summary>The host's own sections of <c>status</c>: storage and adapters.</summary>
    public static IServiceCollection AddCampaignStatus(this IServiceCollection services)
    {
        services.AddSingleton<IStatusSource, StorageStatus>();
        services.AddSingleton<IStatusSource, AdapterStatus>();
        return services;
    }
}
