using CampaignBot.Commands;
using CampaignBot.Discord;
using CampaignBot.Endpoints;
using CampaignBot.Mastodon;
using CampaignBot.Memory;
using CampaignBot.Options;
using CampaignBot.Scheduling;
using CampaignBot.Seeding;
using CampaignBot.Shell;
using CampaignBot.Status;
using CampaignBot.Storage;
using CampaignBot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CampaignBot;

/// <summary>The composition root: configuration sources, logging, and every project's services in start-up order.</summary>
public static class HostBuilderExtensions
{
    public static HostApplicationBuilder AddCampaignBot(this HostApplicationBuilder builder, string[] args)
    {
        // Relative to the working directory, as documented: run from the repository root (or the image's /app).
        builder.Configuration
            .AddJsonFile("config/appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"config/appsettings.{builder.Environment.EnvironmentName}.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args);

        // Logs go to stderr so the shell's answers on stdout stay clean (and pipe cleanly).
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));

        var platforms = PlatformSettings.From(builder.Configuration);
        builder.Services.AddSingleton(platforms);

        // Hosted services start in registration order (the database is migrated before the host starts, in
        // Program.cs): the seed, the scheduler, then the web surface. The adapters start right after the seed (see
        // StartEarly), so their round trips to Discord and Mastodon overlap the scheduler's start instead of waiting
        // for it.
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddCampaignStorage();
        builder.Services.AddCampaignOptions();
        builder.Services.AddCampaignCommands();
        builder.Services.AddHostedService<CampaignSeeder>();
        builder.Services.AddCampaignScheduling(new SchedulerStore(storage.Provider == StorageProvider.Postgres, StorageDrivers.Factory(storage.Provider), storage.ConnectionString));
        builder.Services.AddCampaignStatus();

        builder.Services.AddCampaignWeb();
        var adapters = new StartEarly(builder.Services);
        if (platforms.DiscordConfigured)
        {
            adapters.Add(services => services.AddDiscordAdapter());
            if (!string.IsNullOrWhiteSpace(builder.Configuration["Discord:PublicKey"]))
            {
                builder.Services.AddSingleton(new WebEndpoints("discord-interactions", DiscordInteractionsEndpoint.Map));
            }
        }

        if (platforms.MastodonConfigured)
        {
            adapters.Add(services => services.AddMastodonAdapter());
        }

        if (platforms.ShellEnabled)
        {
            adapters.Add(services => services.AddShellAdapter());
        }

        adapters.StartAfter<CampaignSeeder>();
        builder.Services.AddHostedService<StartupMemoryRelease>();
        return builder;
    }
}
