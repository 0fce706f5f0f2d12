using System.Threading.Channels;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Commands;

/// <summary>
/// Reads mention notifications over REST from the persisted cursor (<c>types[]=mention&amp;min_id=</c>), oldest first,
/// and hands each to the <see cref="MentionHandler"/> exactly once. The stream only pokes it: REST is the truth, so a
/// notification missed while a stream was down is read all the same. On a first start (no cursor) only mentions from
/// the last few minutes are answered, so an old backlog is not replayed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A singleton for the process's life; the semaphore has no wait handle unless asked.")]
internal sealed class NotificationPump(
    MastodonApi api,
    ICampaignStore store,
    MentionHandler handler,
    MastodonAdapterStatus status,
    ILogger<NotificationPump> logger,
    TimeProvider clock)
{
    private static readonly TimeSpan FirstStartWindow = TimeSpan.FromMinutes(10);

    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Asks for a catch-up soon (a notification arrived on the stream, or the stream came back).</summary>
    public void Poke() => _pokes.Writer.TryWrite(true);

    public async Task RunAsync(Func<TimeSpan> interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.MentionsFailed(logger, exception.Message);
                status.Error($"mentions: {exception.Message}");
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(interval());
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

            var cursor = await store.GetSettingAsync(SettingKeys.MastodonNotificationsLastId, cancellationToken).ConfigureAwait(false);
            cursor = cursor is { Length: > 0 } ? cursor : null;
            var read = 0;
            var firstStart = cursor is null;
            while (true)
            {
                var page = await api.GetMentionsAsync(cursor, cancellationToken).ConfigureAwait(false);
                if (!page.IsSuccess)
                {
                    Log.MentionsFailed(logger, page.Error.ToString());
                    status.Error($"mentions: {page.Error}");
                    return read;
                }

                // Oldest first, and only what the server put after the cursor: ids are never compared (see PageOrder).
                var items = PageOrder.NewerThan(page.Value.Items, cursor, n => n.Id, n => n.CreatedAt);
                if (items.Count == 0)
                {
                    return read;
                }

                foreach (var notification in items)
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

                var newest = items[^1].Id;
                if (firstStart)
                {
                    await store.SetSettingAsync(SettingKeys.MastodonNotificationsLastId, newest, cancellationToken).ConfigureAwait(false);
                    Log.CursorStarted(logger, newest);
                    firstStart = false;
                }

                cursor = newest;
                if (page.Value.Items.Count < MastodonApi.NotificationPageLimit)
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
}
