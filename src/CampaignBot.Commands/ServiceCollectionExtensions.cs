using CampaignBot.Commands.Modules;
using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Background;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Commands;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The command router and every command module. Needs an <see cref="ICampaignStore"/>, the
    /// <c>Campaign</c> options and a <see cref="TimeProvider"/> (the system clock unless one is registered). Replies
    /// carry an action's web links when the web surface registers its <see cref="IEventLinks"/>, none otherwise.
    /// </summary>
    public static IServiceCollection AddCampaignCommands(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CampaignState>();
        services.AddSingleton<EventWrites>();
        services.AddSingleton<EventResolver>();
        services.AddSingleton<CompletionProvider>();
        services.TryAddSingleton<IBroadcaster, DirectBroadcaster>();
        services.TryAddSingleton<IEventLinks, NoEventLinks>();
        services.AddSingleton<EventCards>();
        services.TryAddSingleton<BackgroundWork>();
        services.AddSingleton<CardRefresher>();
        services.AddSingleton<IRsvpCountsChanged>(provider => provider.GetRequiredService<CardRefresher>());

        services.AddSingleton<ICommandModule, HelpCommands>();
        services.AddSingleton<ICommandModule, EventCommands>();
        services.AddSingleton<ICommandModule, EventQueries>();
        services.AddSingleton<ICommandModule, RsvpCommands>();
        services.AddSingleton<ICommandModule, HashtagCommands>();
        services.AddSingleton<ICommandModule, SubscriptionCommands>();
        services.AddSingleton<ICommandModule, BoostCommands>();
        services.AddSingleton<ICommandModule, SettingsCommands>();
        services.AddSingleton<ICommandModule, StatusCommands>();

        services.AddSingleton<ICommandRouter, CommandRouter>();
        return services;
    }
}
