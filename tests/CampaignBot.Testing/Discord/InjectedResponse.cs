namespace CampaignBot.Testing.Discord;

/// <summary>A canned answer for the next request to a route: status, Discord error JSON, extra headers.</summary>
public sealed record InjectedResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static InjectedResponse RateLimited(double retryAfter, bool global = false) => new(
        429,
        $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
        global
            ? new Dictionary<string, string> { ["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture), ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" }
            : new Dictionary<string, string> { ["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture), ["X-RateLimit-Scope"] = "user" });

    public static InjectedResponse Error(int status, int code, string message) =>
        new(status, $$"""{"code":{{code}},"message":"{{message}}"}""", new Dictionary<string, string>());
}
