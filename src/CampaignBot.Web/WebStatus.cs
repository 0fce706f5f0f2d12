using CampaignBot.Core.Ports;
using CampaignBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.Web;

/// <summary>The Web section of <c>status</c>: where the page and the metrics are served, or why they are not.</summary>
public sealed class WebStatus(IOptions<WebOptions> options) : IStatusSource
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private IReadOnlyList<string> _publicUrls = [];
    private IReadOnlyList<string> _operationsUrls = [];

    public string Section => "Web";

    /// <summary>The addresses the public surface actually listens on (port 0 resolved); empty when it doesn't.</summary>
    public IReadOnlyList<string> PublicUrls
    {
        get
        {
            lock (_lock)
            {
                return _publicUrls;
            }
        }
    }

    /// <summary>The addresses health and metrics are served on; empty when they aren't.</summary>
    public IReadOnlyList<string> OperationsUrls
    {
        get
        {
            lock (_lock)
            {
                return _operationsUrls;
            }
        }
    }

    internal void Listening(Surface surface, IReadOnlyList<string> urls)
    {
        lock (_lock)
        {
            if (surface.HasFlag(Surface.Public))
            {
                _publicUrls = urls;
                _lines.Add($"campaign page on {string.Join(", ", urls)}");
            }

            if (surface.HasFlag(Surface.Operations))
            {
                _operationsUrls = urls;
                var first = urls.Count > 0 ? urls[0].TrimEnd('/') : "";
                _lines.Add($"health {first}/readyz · metrics {first}/metrics");
            }
        }
    }

    internal void Failed(Surface surface, string reason)
    {
        lock (_lock)
        {
            _lines.Add($"{(surface.HasFlag(Surface.Public) ? "campaign page" : "metrics")} not served: {reason}");
        }
    }

    public Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        lock (_lock)
        {
            IReadOnlyList<string> lines = !settings.Enabled ? ["off (set Web:Urls to serve the campaign page)"]
                : _lines.Count == 0 ? ["starting"]
                : [.. _lines, .. settings.PublicUrl is { Length: > 0 } url ? new[] { $"public address {url}" } : []];
            return Task.FromResult(lines);
        }
    }
}
