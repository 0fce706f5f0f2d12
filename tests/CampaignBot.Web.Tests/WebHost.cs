using CampaignBot.Core.Ports;
using CampaignBot.Storage;
using CampaignBot.Storage.Migrations;
using CampaignBot.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Web.Tests;

/// <summary>
/// A generic host with the real storage (a SQLite file, migrated) and the web surface on Kestrel at a free loopback
/// port, as the bot runs it minus the scheduler and adapters.
/// </summary>
internal sealed class WebHost : IAsyncDisposable
{
    public const string PublicUrl = "https://campaign.example.org";

    private readonly IHost _host;

    private WebHost(IHost host, HttpClient client)
    {
        _host = host;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public ICampaignStore Store => Services.GetRequiredService<ICampaignStore>();

    public WebStatus Status => Services.GetRequiredService<WebStatus>();

    public static async Task<WebHost> StartAsync(SqliteTestDatabase database, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = database.Options.ConnectionString,
            ["Campaign:Name"] = "Test campaign",
            ["Campaign:TimeZone"] = "Europe/London",
            ["Campaign:Hashtags:0"] = "NotSafeNotFair",
            ["Web:Urls"] = "http://127.0.0.1:0",
            ["Web:PublicUrl"] = PublicUrl,
            // Tests change the store and look at once.
            ["Web:CacheSeconds"] = "0",
        };
        configure?.Invoke(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCampaignStorage();
        builder.Services.AddOptions<Core.Options.CampaignOptions>().BindConfiguration(Core.Options.CampaignOptions.Section);
        builder.Services.AddCampaignWeb();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var status = host.Services.GetRequiredService<WebStatus>();
        var client = new HttpClient { BaseAddress = status.PublicUrls.Count > 0 ? new Uri(status.PublicUrls[0]) : null, Timeout = TimeSpan.FromSeconds(10) };
        return new WebHost(host, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
