using CampaignBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Shell;

public static class ServiceCollectionExtensions
{
    /// <summary>The terminal adapter and its sender. It answers as soon as it starts; end of input stops the bot once it has fully started.</summary>
    public static IServiceCollection AddShellAdapter(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => ShellConsole.System());
        services.AddSingleton<IChatSender, ShellSender>();
        services.AddHostedService<ShellAdapter>();
        return services;
    }
}
