using System.Threading.Channels;
using CampaignBot.Core.Mentions;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Mentions;

/// <summary>
/// Reads mention notifications over REST from the persisted cursor (<c>types[]=mention&amp;min_id=</c>) and hands each
/// to the <see cref="MentionHandler"/>, in the order the statuses were posted. Servers differ on <c>min_id</c>: Mastodon
/// answers the page right after the cursor, snac the newest page after it (as <c>since_id</c>), and neither needs a Link
/// header here: a full page is followed back with <c>max_id</c> down to the cursor, so a backlog is read whole either
/// way. The cursor moves only once a batch is handled; the mention ledger makes reading an item again harmless. The
/// stream only pokes it: REST is the truth. On a first start (no cursor) only mentions from the last few minutes are
/// answered, so an old backlog is not replayed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A singleton for the process's life; the semaphore has no wait handle unless asked.")]
internal sealed class NotificationPump(
    MastodonApi api,
    ICampaignStore store,
    MentionHandler handler,
    IMentionLedger mentions,
    IPostLedger posts,
    MastodonAdapterStatus status,
    ILogger<NotificationPump> logger,
    TimeProvider clock)
{
    private static readonly TimeSpan FirstStartWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    /// <summary>Asks for a catch-up soon (a notification arrived on the stream, or the stream came back).</summary>
    public void Poke() => _pokes.Writer.TryWrite(true);

    public async Task RunAsync(Func<TimeSpan> interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
                await PruneAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.MentionsFailed(logger, exception.Message);
                status.Error($"mentions: {exception.Message}");
            }

            using var elapsed = new CancellationTokenSource(interval(), clock);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
            try
            {
                await _pokes.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The interval passed without a poke: poll anyway.
            }
        }
    }

    /// <summary>Handles every mention newer than the cursor; returns how many notifications were read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await handler.FlushPendingAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            var cursor = await store.GetSettingAsync(MastodonSettingKeys.NotificationsLastId, cancellationToken).ConfigureAwait(false);
            cursor = cursor is { Length: > 0 } ? cursor : null;
            var read = 0;
            while (true)
            {
                var batch = await ReadBatchAsync(cursor, cancellationToken).ConfigureAwait(false);
                if (batch is null || batch.Items.Count == 0)
                {
                    return read;
                }

                var firstStart = cursor is null;
                foreach (var notification in batch.Items.OrderBy(n => n.Status?.CreatedAt ?? n.CreatedAt))
                {
                    read++;
                    if (firstStart && notification.CreatedAt < clock.GetUtcNow() - FirstStartWindow)
                    {
                        continue;
                    }

                    status.Event($"mention from @{notification.Account.Acct}");
                    if (!await handler.HandleAsync(notification, cancellationToken).ConfigureAwait(false))
                    {
                        return read;
                    }
                }

                await store.SetSettingAsync(MastodonSettingKeys.NotificationsLastId, batch.Newest, cancellationToken).ConfigureAwait(false);
                if (firstStart)
                {
                    Log.CursorStarted(logger, batch.Newest);
                }

                cursor = batch.Newest;
                if (!batch.More)
                {
                    return read;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // The notifications after the cursor, as far back as it (oldest first, never comparing ids: see PageOrder), the
    // newest one's id, and whether the server may have more after it. Null when the server could not be read.
    private async Task<Batch?> ReadBatchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await api.GetMentionsAsync(cursor, null, cancellationToken).ConfigureAwait(false);
        if (!page.IsSuccess)
        {
            Fail(page.Error);
            return null;
        }

        var items = PageOrder.NewerThan(page.Value.Items, cursor, n => n.Id, n => n.CreatedAt);
        if (items.Count == 0)
        {
            return new Batch([], cursor ?? string.Empty, false);
        }

        var newest = items[^1].Id;
        var full = page.Value.Items.Count >= MastodonApi.NotificationPageLimit;
        var reachedCursor = items.Count < page.Value.Items.Count;
        while (cursor is not null && full && !reachedCursor)
        {
            var older = await api.GetMentionsAsync(cursor, items[0].Id, cancellationToken).ConfigureAwait(false);
            if (!older.IsSuccess)
            {
                Fail(older.Error);
                return null;
            }

            var before = PageOrder.NewerThan(older.Value.Items, cursor, n => n.Id, n => n.CreatedAt);
            var known = items.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            before.RemoveAll(n => known.Contains(n.Id));
            items.InsertRange(0, before);
            full = older.Value.Items.Count >= MastodonApi.NotificationPageLimit && before.Count > 0;
            reachedCursor = before.Count < older.Value.Items.Count;
        }

        return new Batch(items, newest, page.Value.Items.Count >= MastodonApi.NotificationPageLimit);
    }

    private void Fail(MastodonApiError error)
    {
        Log.MentionsFailed(logger, error.ToString());
        status.Error($"mentions: {error}");
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _prunedAt < PruneInterval)
        {
            return;
        }

        _prunedAt = now;
        var forgotten = await mentions.ForgetAsync(now - MentionHandler.Remembered, cancellationToken).ConfigureAwait(false)
            + await posts.ForgetAsync(now - MentionHandler.Remembered, cancellationToken).ConfigureAwait(false);
        if (forgotten > 0)
        {
            Log.Pruned(logger, forgotten);
        }
    }

    private sealed record Batch(List<MastodonNotification> Items, string Newest, bool More);
}
