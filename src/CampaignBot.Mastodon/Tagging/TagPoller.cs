using CampaignBot.Adapters;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// Reads tag timelines forward from a persisted cursor per tag (<c>min_id</c>, 40 a page), so nothing posted between
/// two polls is skipped however busy the tag. The first poll leaves a cursor even on an empty timeline; a burst that
/// lands there before the next poll is read newest page first and then back (<c>max_id</c>) to where it began. It
/// keeps to a share of the per-token budget (300 requests per 5 minutes): each tag is polled at most once per
/// <c>tags × 5 min ÷ share</c>, pages stop for the round when the share of the last 5 minutes is used or the server
/// reports the budget nearly spent, and the cursor carries on next time.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A singleton for the process's life; the semaphore has no wait handle unless asked.")]
internal sealed class TagPoller(
    MastodonApi api,
    ICampaignStore store,
    TaggedStatusPipeline pipeline,
    MastodonAdapterStatus status,
    IOptions<MastodonOptions> options,
    ILogger<TagPoller> logger,
    TimeProvider clock)
{
    public const int BudgetRequests = 300;
    public static readonly TimeSpan BudgetWindow = TimeSpan.FromMinutes(5);

    // Clocks differ between us, the server and remote authors; a backward read stops this far before tracking began.
    private static readonly TimeSpan BackfillSlack = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DateTimeOffset> _lastPolled = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _requests = new();

    private int Allowance => BudgetRequests * options.Value.TagPollBudgetPercent / 100;

    /// <summary>How often one tag may be polled, given how many are tracked.</summary>
    public TimeSpan MinInterval(int tags) => BudgetWindow * Math.Max(1, tags) / Math.Max(1, Allowance);

    /// <summary>
    /// Reads what is new on each tag that is due (every tag for <see cref="TagSource.Backfill"/>, after a stream gap),
    /// hands it to the <see cref="TaggedStatusPipeline"/> (counted and shown to auto-boost) and returns its mentions.
    /// </summary>
    public async Task<IReadOnlyList<HashtagMention>> PollAsync(IReadOnlyList<string> tags, TagSource source, CancellationToken cancellationToken)
    {
        var found = new List<HashtagMention>();
        if (tags.Count == 0)
        {
            return found;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var force = source == TagSource.Backfill;
            var interval = MinInterval(tags.Count);
            var due = tags
                .Select(tag => (Tag: tag, Key: TagNames.Key(tag)))
                .Where(t => force || !_lastPolled.TryGetValue(t.Key, out var last) || clock.GetUtcNow() - last >= interval)
                .OrderBy(t => _lastPolled.GetValueOrDefault(t.Key))
                .ToList();
            foreach (var (tag, key) in due)
            {
                if (!HasBudget())
                {
                    break;
                }

                _lastPolled[key] = clock.GetUtcNow();
                await PollTagAsync(new TagRead(tag, key, tags, found, source), cancellationToken).ConfigureAwait(false);
            }

            return found;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PollTagAsync(TagRead poll, CancellationToken cancellationToken)
    {
        var cursor = await store.GetSettingAsync(poll.CursorKey, cancellationToken).ConfigureAwait(false);
        cursor = cursor is { Length: > 0 } ? cursor : null;
        var readNewest = cursor is null || TagCursor.IsEmpty(cursor, out _);
        if (readNewest)
        {
            // Nothing read yet: the newest page. A first look at an empty timeline still leaves a cursor behind.
            cursor = await ReadNewestAsync(poll, cursor, cancellationToken).ConfigureAwait(false);
            if (cursor is null)
            {
                return;
            }
        }

        // Just read the newest page: nothing is newer yet, so only a backward read may be owed.
        if (await ReadBackwardAsync(poll, cancellationToken).ConfigureAwait(false) && !readNewest)
        {
            await ReadForwardAsync(poll, cursor!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the newest page; returns the cursor to go on from, or null when there is nothing (more) to read this time.</summary>
    private async Task<string?> ReadNewestAsync(TagRead poll, string? cursor, CancellationToken cancellationToken)
    {
        var emptySince = cursor is not null && TagCursor.IsEmpty(cursor, out var since) ? since : (DateTimeOffset?)null;
        var page = await FetchAsync(poll.Tag, () => api.GetTagTimelineAsync(poll.Tag, null, cancellationToken)).ConfigureAwait(false);
        if (page is null)
        {
            return null;
        }

        var items = PageOrder.NewerThan(page.Items, null, s => s.Id, s => s.CreatedAt);
        if (items.Count == 0)
        {
            if (emptySince is null)
            {
                await store.SetSettingAsync(poll.CursorKey, TagCursor.Empty(clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        await AcceptAsync(poll, items, cancellationToken).ConfigureAwait(false);

        // The timeline was empty when tracking began, so a full page may hide older new posts: read back to them
        // (owed in the store first, so a restart in between still reads them).
        if (emptySince is { } start && page.Items.Count >= MastodonApi.TagPageLimit && items[0].CreatedAt >= start - BackfillSlack)
        {
            await store.SetSettingAsync(poll.BackfillKey, TagCursor.Backfill(start, page.NextMaxId ?? items[0].Id), cancellationToken).ConfigureAwait(false);
        }

        var next = page.PrevMinId ?? items[^1].Id;
        await store.SetSettingAsync(poll.CursorKey, next, cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Reads back through a burst owed from <see cref="ReadNewestAsync"/>; false when the budget or an error ends it early.</summary>
    private async Task<bool> ReadBackwardAsync(TagRead poll, CancellationToken cancellationToken)
    {
        while (TagCursor.TryBackfill(await store.GetSettingAsync(poll.BackfillKey, cancellationToken).ConfigureAwait(false), out var since, out var maxId))
        {
            if (!HasBudget())
            {
                return false;
            }

            var page = await FetchAsync(poll.Tag, () => api.GetTagTimelineBeforeAsync(poll.Tag, maxId, cancellationToken)).ConfigureAwait(false);
            if (page is null)
            {
                return false;
            }

            var items = PageOrder.NewerThan(page.Items, null, s => s.Id, s => s.CreatedAt);
            await AcceptAsync(poll, items, cancellationToken).ConfigureAwait(false);
            var next = items.Count == 0 ? null : page.NextMaxId ?? items[0].Id;
            var done = page.Items.Count < MastodonApi.TagPageLimit || next is null || next == maxId || items[0].CreatedAt < since - BackfillSlack;
            await store.SetSettingAsync(poll.BackfillKey, done ? string.Empty : TagCursor.Backfill(since, next!), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Reads forward from <paramref name="cursor"/> with <c>min_id</c>, page by page, until caught up or out of budget.</summary>
    private async Task ReadForwardAsync(TagRead poll, string cursor, CancellationToken cancellationToken)
    {
        while (HasBudget())
        {
            var page = await FetchAsync(poll.Tag, () => api.GetTagTimelineAsync(poll.Tag, cursor, cancellationToken)).ConfigureAwait(false);
            if (page is null)
            {
                return;
            }

            // The server decides what is newer than the cursor; ids are never compared here (see PageOrder).
            var items = PageOrder.NewerThan(page.Items, cursor, s => s.Id, s => s.CreatedAt);
            if (items.Count == 0)
            {
                return;
            }

            await AcceptAsync(poll, items, cancellationToken).ConfigureAwait(false);
            // A Link header marks a server that pages the Mastodon way; without one, a full page may be the newest.
            if (page.PrevMinId is null && page.Items.Count >= MastodonApi.TagPageLimit && items.Count == page.Items.Count
                && !await ReadBackToCursorAsync(poll, cursor, items[0].Id, cancellationToken).ConfigureAwait(false))
            {
                // The cursor stays: the next round reads the gap again (counts and boosts dedupe by post).
                return;
            }

            var next = page.PrevMinId ?? items[^1].Id;
            if (next == cursor)
            {
                return;
            }

            cursor = next;
            await store.SetSettingAsync(poll.CursorKey, cursor, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count < MastodonApi.TagPageLimit)
            {
                return;
            }
        }
    }

    /// <summary>
    /// After a full page without a Link header that did not reach back to the cursor: servers that treat <c>min_id</c>
    /// as <c>since_id</c> (snac) answered the newest page, so the posts between the cursor and <paramref name="oldest"/> are read back with
    /// <c>max_id</c> (on a server with true <c>min_id</c> paging this finds nothing, at the cost of one request). False
    /// when cut short.
    /// </summary>
    private async Task<bool> ReadBackToCursorAsync(TagRead poll, string cursor, string oldest, CancellationToken cancellationToken)
    {
        while (HasBudget())
        {
            var page = await FetchAsync(poll.Tag, () => api.GetTagTimelineAsync(poll.Tag, cursor, cancellationToken, oldest)).ConfigureAwait(false);
            if (page is null)
            {
                return false;
            }

            var items = PageOrder.NewerThan(page.Items, cursor, s => s.Id, s => s.CreatedAt);
            items.RemoveAll(s => s.Id == oldest);
            await AcceptAsync(poll, items, cancellationToken).ConfigureAwait(false);
            if (items.Count == 0 || page.Items.Count < MastodonApi.TagPageLimit || items.Count < page.Items.Count)
            {
                return true;
            }

            oldest = items[0].Id;
        }

        return false;
    }

    private async Task<MastodonPage<MastodonStatus>?> FetchAsync(string tag, Func<Task<ApiResult<MastodonPage<MastodonStatus>, MastodonApiError>>> request)
    {
        Spend();
        var page = await request().ConfigureAwait(false);
        if (page.IsSuccess)
        {
            return page.Value;
        }

        Log.TagPollFailed(logger, tag, page.Error.ToString());
        status.Error($"#{tag}: {page.Error}");
        return null;
    }

    private async Task AcceptAsync(TagRead poll, IReadOnlyList<MastodonStatus> items, CancellationToken cancellationToken)
    {
        if (items.Count > 0)
        {
            poll.Found.AddRange(await pipeline.AcceptAsync(items, poll.Tracked, poll.Source, cancellationToken).ConfigureAwait(false));
        }
    }

    private bool HasBudget()
    {
        var now = clock.GetUtcNow();
        while (_requests.Count > 0 && now - _requests.Peek() >= BudgetWindow)
        {
            _requests.Dequeue();
        }

        if (_requests.Count >= Allowance)
        {
            Log.TagBudget(logger, Allowance - _requests.Count, _requests.Peek() + BudgetWindow);
            return false;
        }

        if (api.Rest.Gate.Budget(RateFamily.Api) is { } server && server.Remaining <= server.Limit * (100 - options.Value.TagPollBudgetPercent) / 200)
        {
            Log.TagBudget(logger, server.Remaining, server.Reset);
            return false;
        }

        return true;
    }

    private void Spend() => _requests.Enqueue(clock.GetUtcNow());
}
