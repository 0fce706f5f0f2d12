using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using CampaignBot.Adapters;
using CampaignBot.Mastodon.Boost;

namespace CampaignBot.Mastodon.Rest;

/// <summary>The Mastodon endpoints the bot uses, typed. IDs travel as opaque strings.</summary>
internal sealed class MastodonApi(MastodonRestClient rest) : IReblogClient
{
    public const int TagPageLimit = 40;
    public const int NotificationPageLimit = 40;
    public const int AccountStatusPageLimit = 40;

    public MastodonRestClient Rest => rest;

    public Task<ApiResult<MastodonAccount, MastodonApiError>> VerifyCredentialsAsync(CancellationToken cancellationToken) =>
        rest.GetAsync("api/v1/accounts/verify_credentials", MastodonJsonContext.Default.MastodonAccount, cancellationToken, verifying: true);

    /// <summary>The instance's facts from <c>/api/v2/instance</c>, else from <c>/api/v1/instance</c> (servers without v2).</summary>
    public async Task<ApiResult<MastodonInstance, MastodonApiError>> GetInstanceAsync(CancellationToken cancellationToken)
    {
        var v2 = await rest.GetAsync("api/v2/instance", MastodonJsonContext.Default.MastodonInstance, cancellationToken).ConfigureAwait(false);
        if (v2.IsSuccess)
        {
            return v2;
        }

        var v1 = await rest.GetAsync("api/v1/instance", MastodonJsonContext.Default.MastodonInstanceV1, cancellationToken).ConfigureAwait(false);
        return v1.IsSuccess ? ApiResult<MastodonInstance, MastodonApiError>.Ok(v1.Value.ToInstance()) : v2.Error;
    }

    public Task<ApiResult<MastodonAccount, MastodonApiError>> GetAccountAsync(string id, CancellationToken cancellationToken) =>
        rest.GetAsync($"api/v1/accounts/{Uri.EscapeDataString(id)}", MastodonJsonContext.Default.MastodonAccount, cancellationToken);

    /// <summary>Posts a status; <paramref name="idempotencyKey"/> makes a retried post the same post.</summary>
    /// <remarks>A post whose outcome is uncertain (timeout, 5xx) is not sent again here: see <c>StatusPoster</c>.</remarks>
    public Task<ApiResult<MastodonStatus, MastodonApiError>> PostStatusAsync(StatusRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
        rest.PostAsync("api/v1/statuses", request, RequestJsonContext.Default.StatusRequest, MastodonJsonContext.Default.MastodonStatus, idempotencyKey, RateFamily.Statuses, cancellationToken, retryUncertain: false);

    /// <summary>
    /// A page of <paramref name="accountId"/>'s statuses (boosts left out), the newest when <paramref name="maxId"/> is
    /// null, else those older than it: where the bot looks for a post it is unsure it made. Servers may answer fewer
    /// than asked for.
    /// </summary>
    public Task<ApiResult<MastodonPage<MastodonStatus>, MastodonApiError>> GetAccountStatusesAsync(string accountId, string? maxId, CancellationToken cancellationToken) =>
        rest.GetPageAsync(Relative($"api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?limit={AccountStatusPageLimit.ToString(CultureInfo.InvariantCulture)}&exclude_reblogs=true", maxId, "max_id"), MastodonJsonContext.Default.ListMastodonStatus, cancellationToken);

    /// <summary>
    /// Mention notifications newer than <paramref name="minId"/> (the newest page when null) and, when given, older than
    /// <paramref name="maxId"/>. Which page of them comes depends on the server (see <c>NotificationPump</c>).
    /// </summary>
    public Task<ApiResult<MastodonPage<MastodonNotification>, MastodonApiError>> GetMentionsAsync(string? minId, string? maxId, CancellationToken cancellationToken) =>
        rest.GetPageAsync(Relative(Relative($"api/v1/notifications?types[]=mention&limit={NotificationPageLimit}", minId).OriginalString, maxId, "max_id"), MastodonJsonContext.Default.ListMastodonNotification, cancellationToken);

    /// <summary>
    /// A tag timeline page newer than <paramref name="minId"/> (the newest page when null) and, when given, older than
    /// <paramref name="maxId"/>: the page right after <paramref name="minId"/> on Mastodon, the newest such page on snac.
    /// </summary>
    public Task<ApiResult<MastodonPage<MastodonStatus>, MastodonApiError>> GetTagTimelineAsync(string tag, string? minId, CancellationToken cancellationToken, string? maxId = null) =>
        rest.GetPageAsync(Relative(Relative($"api/v1/timelines/tag/{Uri.EscapeDataString(tag)}?limit={TagPageLimit.ToString(CultureInfo.InvariantCulture)}", minId).OriginalString, maxId, "max_id"), MastodonJsonContext.Default.ListMastodonStatus, cancellationToken);

    /// <summary>A tag timeline page immediately older than <paramref name="maxId"/>.</summary>
    public Task<ApiResult<MastodonPage<MastodonStatus>, MastodonApiError>> GetTagTimelineBeforeAsync(string tag, string maxId, CancellationToken cancellationToken) =>
        rest.GetPageAsync(Relative($"api/v1/timelines/tag/{Uri.EscapeDataString(tag)}?limit={TagPageLimit.ToString(CultureInfo.InvariantCulture)}", maxId, "max_id"), MastodonJsonContext.Default.ListMastodonStatus, cancellationToken);

    public Task<ApiResult<MastodonPage<T>, MastodonApiError>> FollowAsync<T>(Uri link, JsonTypeInfo<List<T>> type, CancellationToken cancellationToken) =>
        rest.GetPageAsync(link, type, cancellationToken);

    /// <summary>
    /// Boosts a status. Mastodon answers with a wrapper owned by the bot (the original in <c>reblog</c>); other servers
    /// answer with the original itself and <c>reblogged: true</c>. Both mean boosted.
    /// </summary>
    public async Task<ReblogResult> ReblogAsync(string statusId, CancellationToken cancellationToken)
    {
        var result = await rest.PostAsync<StatusRequest, MastodonStatus>($"api/v1/statuses/{Uri.EscapeDataString(statusId)}/reblog", null, RequestJsonContext.Default.StatusRequest, MastodonJsonContext.Default.MastodonStatus, null, RateFamily.Statuses, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            var status = result.Value;
            return status.Reblog is not null || status.Reblogged == true ? ReblogResult.Boosted : ReblogResult.Failed;
        }

        return result.Error.Status switch
        {
            429 => ReblogResult.RateLimited,
            403 or 404 or 422 => ReblogResult.Refused,
            _ => ReblogResult.Failed,
        };
    }

    private static Uri Relative(string pathAndQuery, string? id, string parameter = "min_id") =>
        new(id is null ? pathAndQuery : $"{pathAndQuery}&{parameter}={Uri.EscapeDataString(id)}", UriKind.Relative);
}
