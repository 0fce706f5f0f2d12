using System.Globalization;
using System.Net.Http.Headers;

namespace CampaignBot.Discord.Rest;

/// <summary>The X-RateLimit-* headers of one response.</summary>
internal sealed record RateLimitHeaders(int? Limit, int? Remaining, TimeSpan? ResetAfter, string? Bucket, bool Global, string? Scope, TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers) => Parse(name => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null);

    public static RateLimitHeaders Parse(Func<string, string?> header) => new(
        Int(header("X-RateLimit-Limit")),
        Int(header("X-RateLimit-Remaining")),
        Seconds(header("X-RateLimit-Reset-After")),
        header("X-RateLimit-Bucket") is { Length: > 0 } bucket ? bucket : null,
        string.Equals(header("X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        header("X-RateLimit-Scope"),
        Seconds(header("Retry-After")));

    public bool HasLimits => Limit is not null && Remaining is not null && ResetAfter is not null;

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? TimeSpan.FromSeconds(value) : null;
}
