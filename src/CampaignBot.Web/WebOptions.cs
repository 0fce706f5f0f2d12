using System.Net;

namespace CampaignBot.Web;

/// <summary>The <c>Web</c> configuration section: where the web surface listens and the address people reach it at.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Addresses to listen on, separated by <c>;</c>; <c>off</c> disables the web surface.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>The public address (behind a reverse proxy, say) used in links the bot posts; none when empty.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>A separate, private address for <c>/metrics</c> and health; empty serves them on <see cref="Urls"/>.</summary>
    public string? MetricsUrls { get; set; }

    /// <summary>
    /// How long the campaign page and calendar feeds are served from memory before the store is read again: calendar
    /// apps and a busy page poll far more often than organisers change anything. 0 reads the store every time.
    /// </summary>
    public double CacheSeconds { get; set; } = 2;

    /// <summary>
    /// Reverse proxies (addresses or CIDR networks, separated by <c>;</c> or <c>,</c>) whose <c>X-Forwarded-For</c>
    /// names the client, besides this machine's loopback, which is always trusted. In a container the proxy on the host
    /// arrives from the container network's gateway, not from loopback.
    /// </summary>
    public string? TrustedProxies { get; set; }

    public bool Enabled => !IsOff(Urls);

    internal IReadOnlyList<string> TrustedProxyEntries => string.IsNullOrWhiteSpace(TrustedProxies) ? [] : Split(TrustedProxies);

    /// <summary>An address is a network of one; for entries that passed validation.</summary>
    internal static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        return IPNetwork.TryParse(entry, out network);
    }

    internal TimeSpan CacheFor => TimeSpan.FromSeconds(Math.Max(0, CacheSeconds));

    internal IReadOnlyList<string> PublicAddresses => Split(Urls);

    internal IReadOnlyList<string> MetricsAddresses => IsOff(MetricsUrls) ? [] : Split(MetricsUrls!);

    /// <summary>True when health and metrics get their own listener, away from the public one.</summary>
    internal bool SeparateMetrics => MetricsAddresses.Count > 0 && !MetricsAddresses.Order().SequenceEqual(PublicAddresses.Order());

    internal static bool IsOff(string? urls) =>
        string.IsNullOrWhiteSpace(urls) || urls.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);

    private static string[] Split(string urls) =>
        urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
