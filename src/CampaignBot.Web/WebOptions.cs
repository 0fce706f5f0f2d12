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

    public bool Enabled => !IsOff(Urls);

    internal IReadOnlyList<string> PublicAddresses => Split(Urls);

    internal IReadOnlyList<string> MetricsAddresses => IsOff(MetricsUrls) ? [] : Split(MetricsUrls!);

    /// <summary>True when health and metrics get their own listener, away from the public one.</summary>
    internal bool SeparateMetrics => MetricsAddresses.Count > 0 && !MetricsAddresses.Order().SequenceEqual(PublicAddresses.Order());

    internal static bool IsOff(string? urls) =>
        string.IsNullOrWhiteSpace(urls) || urls.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);

    private static string[] Split(string urls) =>
        urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
