using System.Net;
using System.Net.Http.Headers;

namespace CampaignBot.Adapters;

/// <summary>
/// The one HTTP client an adapter keeps for its platform's REST API: pooled connections renewed every 5 minutes
/// (so DNS changes are followed), compressed responses, the API's base address and the bot's credentials.
/// </summary>
public static class PlatformHttp
{
    public static HttpClient Create(string baseUrl, AuthenticationHeaderValue authorization, string userAgent, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        var client = new HttpClient(handler)
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
            Timeout = timeout,
        };
        client.DefaultRequestHeaders.Authorization = authorization;
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }
}
