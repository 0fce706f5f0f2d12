using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Web.Hosting;

/// <summary>
/// Runs Kestrel inside the bot's generic host: one listener on <c>Web:Urls</c>, and a second for health and
/// metrics when <c>Web:MetricsUrls</c> names other addresses. An address already in use stops only the web surface,
/// not the bot; <c>status</c> then says why. With <c>Web:Urls=off</c> it only says so in the log.
/// </summary>
internal sealed class WebSurface(IServiceProvider services, IOptions<WebOptions> options, WebStatus status, ILogger<WebSurface> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.Off(logger);
            return;
        }

        (IReadOnlyList<string> Urls, Surface Surface)[] listeners = settings.SeparateMetrics
            ? [(settings.PublicAddresses, Surface.Public), (settings.MetricsAddresses, Surface.Operations)]
            : [(settings.PublicAddresses, Surface.Public | Surface.Operations)];
        foreach (var (urls, surface) in listeners)
        {
            var app = WebApp.Build(services, urls, surface);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                Log.ListenFailed(logger, string.Join(", ", urls), exception.Message);
                status.Failed(surface, exception.Message);
                await app.DisposeAsync().ConfigureAwait(false);
                continue;
            }

            _apps.Add(app);
            var bound = string.Join(", ", app.Urls);
            status.Listening(surface, [.. app.Urls]);
            if (surface.HasFlag(Surface.Public))
            {
                Log.Listening(logger, bound);
            }
            else
            {
                Log.MetricsListening(logger, bound);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var app in _apps)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _apps.Clear();
    }
}
