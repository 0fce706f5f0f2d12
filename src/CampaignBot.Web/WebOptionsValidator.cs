using Microsoft.Extensions.Options;

namespace CampaignBot.Web;

/// <summary>Refuses a bad <c>Web:*</c> setting at start-up with a line naming the key.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled)
        {
            failures.AddRange(options.PublicAddresses.Where(url => !IsListenUrl(url))
                .Select(url => $"Web:Urls has \"{url}\", which is not an http:// address to listen on (e.g. {WebOptions.DefaultUrls}), or use off."));
            failures.AddRange(options.MetricsAddresses.Where(url => !IsListenUrl(url))
                .Select(url => $"Web:MetricsUrls has \"{url}\", which is not an http:// address to listen on (e.g. http://127.0.0.1:9464)."));
        }

        if (options.PublicUrl is { Length: > 0 } publicUrl
            && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0))
        {
            failures.Add($"Web:PublicUrl \"{publicUrl}\" is not an http(s) address such as https://campaign.example.org.");
        }

        if (options.CacheSeconds is < 0 or > 3600 || double.IsNaN(options.CacheSeconds))
        {
            failures.Add($"Web:CacheSeconds must be between 0 and 3600 (seconds the page and calendars are served from memory); the default is 2.");
        }

        failures.AddRange(options.TrustedProxyEntries.Where(entry => !WebOptions.TryParseNetwork(entry, out _))
            .Select(entry => $"Web:TrustedProxies has \"{entry}\", which is not an address or network such as 172.16.0.0/12."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Kestrel takes http://host:port, with * or + for every interface; HTTPS belongs in the reverse proxy.
    private static bool IsListenUrl(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme == "http"
        && uri.AbsolutePath == "/";
}
