using System.Globalization;
using System.Net.Http.Headers;

namespace CampaignBot.Mastodon.Rest;

/// <summary><c>X-RateLimit-*</c> as sent; Reset is an ISO 8601 timestamp (microseconds), not epoch seconds.</summary>
internal readonly record struct RateLimitHeaders(int? Limit, int? Remaining, DateTimeOffset? Reset)
{
    public bool Present => Remaining is not null && Reset is not null;

    public static RateLimitHeaders Parse(HttpResponseHeaders headers) => new(
        Integer(headers, "X-RateLimit-Limit"),
        Integer(headers, "X-RateLimit-Remaining"),
        Timestamp(headers, "X-RateLimit-Reset"));

    public static DateTimeOffset? ParseReset(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var reset) ? reset : null;

    private static int? Integer(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? Timestamp(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? ParseReset(values.FirstOrDefault()) : null;
}
