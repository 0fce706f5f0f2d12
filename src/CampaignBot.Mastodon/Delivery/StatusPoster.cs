using CampaignBot.Adapters;
using CampaignBot.Core.Mentions;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Delivery;

/// <summary>
/// Posts statuses (and threads of them) at most once, also on servers that ignore <c>Idempotency-Key</c>: each post is
/// recorded by its key before it is sent, and when its outcome is uncertain (a timeout, a dropped connection, a 5xx, or
/// a crash or shutdown while it was in flight, found as an unfinished record later) the bot's own recent statuses are
/// searched for it before it is sent again. A post known to exist is never sent again; one not found is sent, so
/// nothing is lost either.
/// </summary>
internal sealed class StatusPoster(
    MastodonApi api,
    MastodonSession session,
    IPostLedger ledger,
    IOptions<MastodonOptions> options,
    ILogger<StatusPoster> logger,
    TimeProvider clock)
{
    private const int UncertainAttempts = 3;

    // A post made by an attempt this long before it was recorded still counts as that attempt (clock skew).
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Posts <paramref name="parts"/> as a thread (each part a reply to the one before; the first as <paramref name="first"/>
    /// says), keyed <paramref name="key"/>, <c>{key}-2</c>, … Returns the first part's id. A retry after a failure
    /// resumes where the thread stopped.
    /// </summary>
    public async Task<ApiResult<string, MastodonApiError>> PostThreadAsync(IReadOnlyList<string> parts, StatusRequest first, string key, CancellationToken cancellationToken)
    {
        string? firstId = null;
        var inReplyTo = first.InReplyToId;
        for (var i = 0; i < parts.Count; i++)
        {
            var request = first with { Status = parts[i], InReplyToId = inReplyTo };
            var posted = await PostAsync(request, i == 0 ? key : $"{key}-{i + 1}", cancellationToken).ConfigureAwait(false);
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }

            firstId ??= posted.Value;
            inReplyTo = posted.Value;
        }

        return ApiResult<string, MastodonApiError>.Ok(firstId ?? string.Empty);
    }

    /// <summary>Posts <paramref name="request"/> once under <paramref name="key"/>; returns the status id.</summary>
    public async Task<ApiResult<string, MastodonApiError>> PostAsync(StatusRequest request, string key, CancellationToken cancellationToken)
    {
        var earlier = await ledger.BeginAsync(key, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (earlier?.StatusId is { } known)
        {
            return ApiResult<string, MastodonApiError>.Ok(known);
        }

        var since = (earlier?.StartedAt ?? clock.GetUtcNow()) - Slack;
        if (earlier is not null && await FindAsync(request, key, since, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        for (var attempt = 1; ; attempt++)
        {
            var posted = await api.PostStatusAsync(request, key, cancellationToken).ConfigureAwait(false);
            if (posted.IsSuccess)
            {
                await ledger.MarkPostedAsync(key, posted.Value.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return ApiResult<string, MastodonApiError>.Ok(posted.Value.Id);
            }

            if (!posted.Error.IsTransient)
            {
                return posted.Error;
            }

            // The server may have made the post before the answer was lost: look before sending it again.
            Log.PostUncertain(logger, key, posted.Error.ToString());
            if (await FindAsync(request, key, since, cancellationToken).ConfigureAwait(false) is { } made)
            {
                return made;
            }

            if (attempt >= UncertainAttempts)
            {
                return posted.Error;
            }

            await Task.Delay(options.Value.RetryDelay * Math.Pow(2, attempt - 1), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ApiResult<string, MastodonApiError>?> FindAsync(StatusRequest request, string key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var own = await api.GetAccountStatusesAsync(session.Me.Id, cancellationToken).ConfigureAwait(false);
        if (!own.IsSuccess)
        {
            // Not knowing is no reason to post twice: the caller keeps the post pending and tries again later.
            return own.Error.IsTransient ? own.Error : new MastodonApiError(0, $"could not read the bot's own statuses ({own.Error.Message})");
        }

        var wanted = Comparable(request.Status);
        var match = own.Value.FirstOrDefault(status => status.CreatedAt >= since
            && status.Reblog is null
            && string.Equals(status.InReplyToId, request.InReplyToId, StringComparison.Ordinal)
            && Comparable(HtmlText.ToText(status.Content)) == wanted);
        if (match is null)
        {
            return null;
        }

        Log.PostFound(logger, key, match.Id);
        await ledger.MarkPostedAsync(key, match.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return ApiResult<string, MastodonApiError>.Ok(match.Id);
    }

    // Servers render the text as HTML their own way (mentions shortened to @user, links shortened, line breaks as
    // tags): compare the words, with handles and the bot's zero-width guards left out.
    private static string Comparable(string text) => string.Join(' ', text
        .Replace(MentionGuard.Breaker, string.Empty, StringComparison.Ordinal)
        .Split([' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
        .Where(word => !word.StartsWith('@')));
}
