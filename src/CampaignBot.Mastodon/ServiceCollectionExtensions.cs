using System.Net.Http.Headers;
using CampaignBot.Adapters;
using CampaignBot.Core.Background;
using CampaignBot.Core.Boosting;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Delivery;
using CampaignBot.Mastodon.Mentions;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Streaming;
using CampaignBot.Mastodon.Tagging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon;

public static class ServiceCollectionExtensions
{
    private const string UserAgent = "CampaignBot/1.0 (+https://github.com/campaignbot/campaignbot)";
    private const string HttpClientName = "Mastodon";
    private const string StreamingHttpClientName = "Mastodon streaming";

    /// <summary>
    /// The Mastodon adapter: options from the <c>Mastodon</c> section (validated at start), the REST client (also the
    /// <see cref="IReblogClient"/> auto-boost uses), streaming with fallbacks, mention commands as a hosted service,
    /// the Mastodon <see cref="IChatSender"/>, an <see cref="IHashtagSource"/> for the hashtag poll job, and its
    /// <see cref="IStatusSource"/>. Needs an <see cref="ICommandRouter"/>, an <see cref="ICampaignStore"/>, an
    /// <see cref="IHashtagMentionSink"/>, an <see cref="IBoostLedger"/> and the <c>Campaign</c> options. Auto-boost is part of
    /// it (see <see cref="AddAutoBoost"/>): every tagged status is shown to it unless <c>Mastodon:Boost:Enabled</c> is false.
    /// </summary>
    public static IServiceCollection AddMastodonAdapter(this IServiceCollection services)
    {
        services.AddOptions<MastodonOptions>().BindConfiguration(MastodonOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MastodonOptions>, MastodonOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CampaignState>();

        services.AddPlatformHttpClient(HttpClientName, TimeSpan.FromSeconds(30), Endpoint);
        // Server-sent events: no overall timeout, since an event stream stays open.
        services.AddPlatformHttpClient(StreamingHttpClientName, Timeout.InfiniteTimeSpan, Endpoint);
        services.AddSingleton(sp => new RateLimitGate(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MastodonOptions>>().Value;
            return new MastodonRestClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                sp.GetRequiredService<RateLimitGate>(),
                new RestTimings(options.RetryDelay, options.MaxRateLimitWait),
                sp.GetRequiredService<ILogger<MastodonRestClient>>(),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<MastodonApi>();
        services.AddSingleton<IReblogClient>(sp => sp.GetRequiredService<MastodonApi>());
        services.AddSingleton(sp => new StreamingHttp(sp.GetRequiredService<IHttpClientFactory>().CreateClient(StreamingHttpClientName)));

        services.AddSingleton<MastodonSession>();
        services.AddSingleton<MastodonAdapterStatus>();
        services.AddSingleton<IStatusSource>(sp => sp.GetRequiredService<MastodonAdapterStatus>());
        services.AddSingleton<IReadinessProbe, MastodonReadiness>();
        services.AddSingleton<TrackedTags>();
        services.AddSingleton<TagSubscriptions>();
        services.AddSingleton<MentionRecorder>();
        services.AddSingleton<BoostQueue>();
        services.AddSingleton<BoostWarmUp>();
        services.AddSingleton<TaggedStatusPipeline>();
        services.TryAddSingleton<BackgroundWork>();
        services.AddSingleton<TagPoller>();
        services.AddSingleton<MastodonHashtagSource>();
        services.AddSingleton<IHashtagSource>(sp => sp.GetRequiredService<MastodonHashtagSource>());
        services.AddSingleton<StatusPoster>();
        services.AddSingleton<MentionAllowance>();
        services.AddSingleton<MentionHandler>();
        services.AddSingleton<NotificationPump>();
        services.AddSingleton<StreamDispatcher>();
        services.AddSingleton<StreamingRunner>();
        services.AddSingleton<MastodonSender>();
        services.AddSingleton<IChatSender>(sp => sp.GetRequiredService<MastodonSender>());
        services.AddHostedService<MastodonAdapter>();
        return services.AddAutoBoost();
    }

    /// <summary>
    /// Auto-boost: binds and validates <c>Mastodon:Boost</c>, and registers <see cref="BotIdentity"/> (set by the adapter
    /// after <c>verify_credentials</c>), the <see cref="BoostPolicy"/>, the <see cref="BoostDecider"/> (also told of
    /// <c>boost pause</c>), the <see cref="AutoBooster"/>, its <c>Auto-boost</c> status source and a hosted service
    /// that retries boosts left waiting.
    /// </summary>
    private static IServiceCollection AddAutoBoost(this IServiceCollection services)
    {
        services.AddOptions<BoostOptions>()
            .BindConfiguration(BoostOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoostOptions>, BoostOptionsValidator>());
        services.AddOptions<CampaignOptions>();
        services.TryAddSingleton<BotIdentity>();
        services.TryAddSingleton(provider => new BoostPolicy(provider.GetRequiredService<IOptions<BoostOptions>>().Value));
        services.TryAddSingleton<BoostDecider>();
        services.TryAddSingleton<AutoBooster>();
        services.TryAddSingleton<BoostStatus>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStatusSource, BoostStatus>(provider => provider.GetRequiredService<BoostStatus>()));
        services.AddHostedService<BoostRetryService>();
        return services;
    }

    private static PlatformEndpoint Endpoint(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MastodonOptions>>().Value;
        return new PlatformEndpoint(options.InstanceUrl, new AuthenticationHeaderValue("Bearer", options.AccessToken), UserAgent);
    }
}
