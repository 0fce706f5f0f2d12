using CampaignBot;
using CampaignBot.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using System.Runtime.InteropServices;

// Ctrl+C or SIGTERM at any moment, even while the database is being migrated or the host is starting, stops the bot
// cleanly with status 0 instead of killing it mid-write.
using var stopping = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    // Settings are read once at start and nothing reloads them, so no file watcher: the default one watches every
    // directory under the working directory (a checkout's bin, obj and .git) with a thread of its own.
    var settings = new HostApplicationBuilderSettings { Args = args, Configuration = new ConfigurationManager() };
    settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
    var builder = Host.CreateApplicationBuilder(settings);
    builder.AddCampaignBot(args);
    builder.Services.AddSingleton<IHostLifetime, ProgramLifetime>();
    using var host = builder.Build();

    // Settings and the database are checked before the host starts, so a bad value is reported here as one line
    // instead of inside the host's start-up failure log.
    host.Services.GetService<IStartupValidator>()?.Validate();
    await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(stopping.Token).ConfigureAwait(false);

    // A stop asked for while the host starts lets the start finish (well under a second) so every part then stops in
    // order, instead of cutting each part's start short; a start still not done a few seconds later is cut short.
    using var startLimit = new CancellationTokenSource();
    using (stopping.Token.Register(() => startLimit.CancelAfter(TimeSpan.FromSeconds(3))))
    {
        await host.StartAsync(startLimit.Token).ConfigureAwait(false);
    }

    await host.WaitForShutdownAsync(stopping.Token).ConfigureAwait(false);
    return 0;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    return 0;
}
catch (OptionsValidationException exception)
{
    // One line per bad setting, naming its key: operators fix configuration, they don't read stack traces.
    foreach (var failure in exception.Failures)
    {
        await Console.Error.WriteLineAsync($"campaignbot: configuration error: {failure}").ConfigureAwait(false);
    }

    return 2;
}
catch (Exception exception) when (StartupErrors.IsConfigurationError(exception))
{
    await Console.Error.WriteLineAsync($"campaignbot: configuration error: {StartupErrors.Describe(exception)}").ConfigureAwait(false);
    return 2;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
