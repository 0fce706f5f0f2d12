using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>
/// Reads tag timelines forward from a persisted cursor per tag (<c>min_id</c>, 40 a page), so nothing posted between
/// two polls is skipped however busy the tag. It keeps to a share of the per-token budget (300 requests per
/// 5 minutes): each tag is polled at most once per <c>tags × 5 min ÷ share</c>, pages stop for the round when the
/// share of the last 5 minutes is used or the server reports the budget nearly spent, and the cursor carries on next time.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A singleton for the process's life; the semaphore has no wait handle unless asked.")]
internal sealed class TagPoller(
    MastodonApi api,
    ICampaignStore store,
    TaggedStatusProcessor processor,
    MastodonAdapterStatus status,
    IOptions<MastodonOptions> options,
    ILogger<TagPoller> logger,
    TimeProvider clock)
{
    public const int BudgetRequests = 300;
    public static readonly TimeSpan BudgetWindow = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, DateTimeOffset> _lastPolled = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _requests = new();

    private int Allowance => BudgetRequests * options.Value.TagPollBudgetPercent / 100;

    /// <summary>How often one tag may be polled, given how many are tracked.</summary>
    public TimeSpan MinInterval(int tags) => BudgetWindow * Math.Max(1, tags) / Math.Max(1, Allowance);

    /// <summary>
    /// Reads what is new on each tag that is due (every tag with <paramref name="force"/>, e.g. after a stream gap).
    /// With <paramref name="record"/> the posts are counted here; otherwise the caller records the returned mentions.
    /// </summary>
    public async Task<IReadOnlyList<HashtagMention>> PollAsync(IReadOnlyList<string> tags, bool force, bool record, CancellationToken cancellationToken)
    {
        var found = new List<HashtagMention>();
        if (tags.Count == 0)
        {
            return found;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
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
                await PollTagAsync(tag, key, tags, found, record, cancellationToken).ConfigureAwait(false);
            }

            return found;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PollTagAsync(string tag, string key, IReadOnlyList<string> tracked, List<HashtagMention> found, bool record, CancellationToken cancellationToken)
    {
        var setting = SettingKeys.MastodonTagCursorPrefix + key;
        var cursor = await store.GetSettingAsync(setting, cancellationToken).ConfigureAwait(false);
        cursor = cursor is { Length: > 0 } ? cursor : null;
        do
        {
            Spend();
            var page = await api.GetTagTimelineAsync(tag, cursor, cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                Log.TagPollFailed(logger, tag, page.Error.ToString());
                status.Error($"#{tag}: {page.Error}");
                return;
            }

            // The server decides what is newer than the cursor; ids are never compared here (see PageOrder).
            var items = PageOrder.NewerThan(page.Value.Items, cursor, s => s.Id, s => s.CreatedAt);
            if (items.Count == 0)
            {
                return;
            }

            found.AddRange(await processor.AcceptAsync(items, tracked, record, cancellationToken).ConfigureAwait(false));
            var next = page.Value.PrevMinId ?? items[^1].Id;
            if (next == cursor)
            {
                return;
            }

            cursor = next;
            await store.SetSettingAsync(setting, cursor, cancellationToken).ConfigureAwait(false);
            if (page.Value.Items.Count < MastodonApi.TagPageLimit)
            {
                return;
            }
        }
        while (HasBudget());
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
