using Microsoft.AspNetCore.Http;

namespace CampaignBot.Web.Hosting;

/// <summary>
/// Headers on every response. The pages use no script and load nothing from elsewhere; their one stylesheet is
/// served from here and the chart is inline SVG drawn with attributes, so the policy allows nothing else.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static Task AddAsync(HttpContext context, RequestDelegate next)
    {
        Apply(context.Response.Headers);
        return next(context);
    }

    /// <summary>Also after a failure has cleared the response, so an error answer carries them too.</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
