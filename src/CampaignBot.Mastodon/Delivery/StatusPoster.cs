using System.Globalization;
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
/// <para>
/// The search pages back through the bot's own statuses, newest first, as the server pages them (the <c>Link</c>
/// header's <c>max_id</c>; from a server that sends none, the last status listed), never assuming a page size or
/// comparing ids, until it finds the post, reaches statuses older than the attempt, or reaches the end. Only then is
/// the post "not found". When the statuses since the attempt run past <see cref="SearchPages"/> pages, or the server
/// answers the same page again, whether the post was made cannot be told: it is not sent (that risks the double post
/// this class exists to prevent) and the failure is final, not transient. Trying again would meet the same wall (the
/// statuses above the attempt only grow), and a transient error would keep a mention reply pending, which holds back
/// every later reply and re-reads the pages on each poll. The ledger keeps the post unfinished, so a later attempt
/// under the same key (a reminder's next attempt) searches again, and the warning in the log says to check by hand.
/// </para>
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

    // 400 of the bot's statuses made since the uncertain attempt at 40 a page (200 where a server gives 20): far more
    // than a reminder burst or a restart leaves, and few enough requests to stay well inside the rate budget.
    private const int SearchPages = 10;

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

    // The bot's own statuses newest first, page by page, back to the start of the search window. Null when the post
    // is not there; an error when that could not be told.
    private async Task<ApiResult<string, MastodonApiError>?> FindAsync(StatusRequest request, string key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var wanted = Comparable(request.Status);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? maxId = null;
        for (var pages = 1; ; pages++)
        {
            var own = await api.GetAccountStatusesAsync(session.Me.Id, maxId, cancellationToken).ConfigureAwait(false);
            if (!own.IsSuccess)
            {
                // Not knowing is no reason to post twice. A failure that passes (a 5xx, a timeout, the rate limit)
                // keeps the post pending to try again later; a refusal (a server that won't list the bot's statuses)
                // never passes, so, like running out of pages, it is final: held back, not retried for ever.
                if (own.Error.IsTransient || own.Error.IsRateLimited)
                {
                    return own.Error.IsTransient ? own.Error : new MastodonApiError(0, $"could not read the bot's own statuses ({own.Error.Message})");
                }

                var refused = $"the server refused to list them ({own.Error})";
                Log.PostUndecided(logger, key, since, refused);
                return new MastodonApiError(own.Error.Status, $"the bot's own statuses could not be read to tell whether post {key} was made already ({refused})") { Final = true };
            }

            var page = own.Value;
            var match = page.Items.FirstOrDefault(status => status.CreatedAt >= since
                && status.Reblog is null
                && string.Equals(status.InReplyToId, request.InReplyToId, StringComparison.Ordinal)
                && Comparable(HtmlText.ToText(status.Content)) == wanted);
            if (match is not null)
            {
                Log.PostFound(logger, key, match.Id);
                await ledger.MarkPostedAsync(key, match.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return ApiResult<string, MastodonApiError>.Ok(match.Id);
            }

            var fresh = page.Items.Count(status => seen.Add(status.Id));
            var older = OlderThan(page);
            if (older is null || ReachesBack(page, since))
            {
                return null;
            }

            if (fresh == 0 || pages >= SearchPages)
            {
                var why = fresh == 0 ? "the server answered the same page again" : $"more than {SearchPages} pages of them";
                Log.PostUndecided(logger, key, since, why);
                return new MastodonApiError(0, $"the bot's own statuses since {since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC could not be read far enough back to tell whether post {key} was made already ({why})")
                {
                    Final = true,
                };
            }

            maxId = older;
        }
    }

    // The cursor of the next older page: the Link header's rel="next" max_id, or, from a server that sends no Link
    // header at all, the last status it listed. Null at the end (an empty page, or a Link header without "next").
    private static string? OlderThan(MastodonPage<MastodonStatus> page) =>
        page.Items.Count == 0 ? null
        : page.Next is not null ? page.NextMaxId ?? page.Items[^1].Id
        : page.Prev is null ? page.Items[^1].Id
        : null;

    // Whether the page goes back past the start of the window. Pages are not always in date order, so the oldest
    // status on it decides; pinned ones don't, as some servers list them first whatever their age.
    private static bool ReachesBack(MastodonPage<MastodonStatus> page, DateTimeOffset since) =>
        page.Items.Any(status => status.Pinned != true && status.CreatedAt < since);

    // Servers render the text as HTML their own way (mentions shortened to @user, links shortened, line breaks as
    // tags): compare the words, with handles and the bot's zero-width guards left out.
    private static string Comparable(string text) => string.Join(' ', text
        .Replace(MentionGuard.Breaker, string.Empty, StringComparison.Ordinal)
        .Split([' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)
        .Where(word => !word.StartsWith('@')));
}
