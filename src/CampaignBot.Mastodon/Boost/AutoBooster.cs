using CampaignBot.Core.Boosting;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// Decides about every tagged post the stream, polls and backfill see, and boosts those the rules allow, once.
/// The decision is stored before the reblog request ("boosting"), then its outcome; a crash in between leaves a claim
/// that <see cref="RetryAsync"/> repeats (reblog is idempotent on the server), and rate-limited or failed boosts are
/// stored and retried the same way, so nothing is boosted twice and nothing is dropped unrecorded.
/// </summary>
public sealed class AutoBooster(
    IBoostLedger ledger,
    IReblogClient reblogs,
    ICampaignStore store,
    BotIdentity identity,
    BoostPolicy policy,
    IOptions<CampaignOptions> campaign,
    TimeProvider clock,
    ILogger<AutoBooster> logger) : IDisposable
{
    // A claim older than this belongs to a request that died with its process: no reblog call takes this long.
    internal static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    private const int RetryBatch = 20;

    private static readonly TimeSpan TagsFreshFor = TimeSpan.FromSeconds(1);

    // Caps count what is stored, so checking them and storing the decision must not interleave.
    private readonly SemaphoreSlim _deciding = new(1, 1);
    private long _holdUntilUtcTicks;
    private volatile TagSnapshot? _tags;

    /// <summary>Decides about <paramref name="status"/> (a boost is judged by, and stored as, its original).</summary>
    public async ValueTask ConsiderAsync(MastodonStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!policy.Options.Enabled)
        {
            return;
        }

        // A post decided before is not looked up first: the insert-if-absent below refuses it anyway, and new posts,
        // the common case, save a round trip on their way to the reblog.
        var original = status.Reblog ?? status;
        var key = StatusKey(original);
        if (identity.Current is not { } me)
        {
            BoostLog.IdentityUnknown(logger, key);
            return;
        }

        var decision = await DecideAsync(original, key, me, cancellationToken).ConfigureAwait(false);
        if (decision is null)
        {
            return;
        }

        if (decision.Reason is { } reason)
        {
            BoostLog.Skipped(logger, key, reason);
            return;
        }

        await ReblogAsync(key, decision.StatusId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Retries the boosts awaiting it (rate-limited, failed, or claimed by a process that died), giving up those past
    /// the maximum age or attempts. Returns how many reblog requests it made. Nothing happens while paused.
    /// </summary>
    public async Task<int> RetryAsync(CancellationToken cancellationToken)
    {
        var options = policy.Options;
        var now = clock.GetUtcNow();
        if (!options.Enabled || IsHeldBack(now) || await IsPausedAsync(cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        var requests = 0;
        var waiting = await ledger.ListAwaitingRetryAsync(now - StaleClaim, RetryBatch, cancellationToken).ConfigureAwait(false);
        foreach (var record in waiting)
        {
            now = clock.GetUtcNow();
            if (record.Attempts >= options.MaxAttempts || now - record.PostedAt > options.MaxAge)
            {
                await ledger.RecordOutcomeAsync(
                    record.StatusKey, new BoostOutcome(BoostState.Skipped, now, Attempted: false, record.LastError, BoostSkipReason.GaveUp), cancellationToken).ConfigureAwait(false);
                BoostLog.GaveUp(logger, record.StatusKey, record.Attempts, record.LastError ?? "none");
                continue;
            }

            if (IsHeldBack(now))
            {
                break;
            }

            if (await ledger.TryReclaimAsync(record.StatusKey, now - StaleClaim, now, cancellationToken).ConfigureAwait(false))
            {
                requests++;
                await ReblogAsync(record.StatusKey, record.StatusId, cancellationToken).ConfigureAwait(false);
            }
        }

        return requests;
    }

    public void Dispose() => _deciding.Dispose();

    /// <summary>The ledger key of a post: its URI (the same wherever it is seen), its id where a server gives none.</summary>
    public static string StatusKey(MastodonStatus original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return string.IsNullOrEmpty(original.Uri) ? original.Id : original.Uri;
    }

    private async Task<BoostDecision?> DecideAsync(MastodonStatus original, string key, BotSelf me, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var authorKey = AccountKeys.Of(original.Account.Acct, me.Domain);
        var tags = await TrackedTagsAsync(cancellationToken).ConfigureAwait(false);
        var reason = policy.Check(original, me, tags, now);
        if (reason is null && await IsPausedAsync(cancellationToken).ConfigureAwait(false))
        {
            reason = BoostSkipReason.Paused;
        }

        await _deciding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (reason is null)
            {
                var counts = await ledger.CountBoostsAsync(now.AddHours(-1), authorKey, now.AddDays(-1), cancellationToken).ConfigureAwait(false);
                reason = policy.CheckCaps(counts.Total, counts.Author);
            }

            var decision = reason is { } skip
                ? BoostDecision.Skip(key, original.Id, authorKey, skip, original.CreatedAt, now)
                : BoostDecision.Boost(key, original.Id, authorKey, original.CreatedAt, now);
            return await ledger.TryDecideAsync(decision, cancellationToken).ConfigureAwait(false) ? decision : null;
        }
        finally
        {
            _deciding.Release();
        }
    }

    // The claim is stored; whatever happens now is stored too, even when shutdown cancels the token after the request.
    private async Task ReblogAsync(string key, string statusId, CancellationToken cancellationToken)
    {
        if (IsHeldBack(clock.GetUtcNow()))
        {
            await RecordAsync(key, BoostState.RateLimited, "held back: the server's rate limit has not reset yet", attempted: false).ConfigureAwait(false);
            return;
        }

        ReblogResult result;
        try
        {
            result = await reblogs.ReblogAsync(statusId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Left claimed: RetryAsync takes it up again once the claim is stale.
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            BoostLog.ReblogFailed(logger, key, exception.Message);
            await RecordAsync(key, BoostState.Failed, exception.Message).ConfigureAwait(false);
            return;
        }

        switch (result)
        {
            case ReblogResult.Boosted:
                await RecordAsync(key, BoostState.Boosted, null).ConfigureAwait(false);
                BoostLog.Boosted(logger, key);
                break;
            case ReblogResult.Refused:
                await RecordAsync(key, BoostState.Refused, "refused by the server").ConfigureAwait(false);
                BoostLog.Refused(logger, key);
                break;
            case ReblogResult.RateLimited:
                var until = clock.GetUtcNow() + policy.Options.RetryAfter;
                Interlocked.Exchange(ref _holdUntilUtcTicks, until.UtcTicks);
                await RecordAsync(key, BoostState.RateLimited, "rate limited by the server").ConfigureAwait(false);
                BoostLog.RateLimited(logger, key, until);
                break;
            default:
                await RecordAsync(key, BoostState.Failed, "the server failed to answer").ConfigureAwait(false);
                BoostLog.ReblogFailed(logger, key, "the server failed to answer");
                break;
        }
    }

    private Task RecordAsync(string key, BoostState state, string? error, bool attempted = true) =>
        ledger.RecordOutcomeAsync(key, new BoostOutcome(state, clock.GetUtcNow(), attempted, error), CancellationToken.None);

    // Tracked tags change only by command; a second's staleness saves a query per post.
    private async ValueTask<IReadOnlyList<string>> TrackedTagsAsync(CancellationToken cancellationToken)
    {
        var cached = _tags;
        if (cached is not null && clock.GetElapsedTime(cached.At) < TagsFreshFor)
        {
            return cached.Tags;
        }

        var tags = Hashtags.Effective(campaign.Value.Hashtags, await store.ListHashtagChangesAsync(cancellationToken).ConfigureAwait(false));
        _tags = new TagSnapshot(tags, clock.GetTimestamp());
        return tags;
    }

    private bool IsHeldBack(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _holdUntilUtcTicks);

    private async Task<bool> IsPausedAsync(CancellationToken cancellationToken) =>
        await store.GetSettingAsync(SettingKeys.BoostPaused, cancellationToken).ConfigureAwait(false) == "true";

    private sealed record TagSnapshot(IReadOnlyList<string> Tags, long At);
}
