using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Adapters;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// A named client from <see cref="IHttpClientFactory"/> for a platform's API: its base address, the bot's
    /// credentials and user agent, compressed responses, and no retry or logging handlers. The adapters' own REST
    /// clients are the resilience: they follow the platform's rate-limit headers, retry 429s and brief 5xx outages
    /// themselves, and log failures without the tokens that interaction URLs carry in their path; a generic
    /// retry on top would send requests twice and spend the platform's budget.
    /// </summary>
    /// <remarks>
    /// The adapters are singletons that take their client once, so the factory never rotates the handler under them:
    /// it lives as long as the process, and its pooled connections are renewed every 5 minutes instead, so DNS changes
    /// are followed without dropping an open stream (a response in flight keeps its connection until it ends).
    /// WebSockets (Discord's gateway, Mastodon's streaming) connect on their own: one connection each, for as long as
    /// the socket lives.
    /// </remarks>
    public static IHttpClientBuilder AddPlatformHttpClient(
        this IServiceCollection services,
        string name,
        TimeSpan timeout,
        Func<IServiceProvider, PlatformEndpoint> endpoint)
    {
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigureHttpClient((provider, client) =>
            {
                var target = endpoint(provider);
                client.BaseAddress = new Uri(target.BaseUrl.TrimEnd('/') + "/");
                client.Timeout = timeout;
                client.DefaultRequestHeaders.Authorization = target.Authorization;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(target.UserAgent);
            });
    }
}
