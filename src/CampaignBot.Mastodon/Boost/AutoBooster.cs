using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Rest;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// Boosts the tagged posts <see cref="BoostDecider"/> claims, once. The decision is stored before the reblog request
/// ("boosting"), then its outcome; a crash in between leaves a claim that <see cref="RetryAsync"/> repeats (reblog is
/// idempotent on the server), and rate-limited or failed boosts are stored and retried the same way, so nothing is
/// boosted twice and nothing is dropped unrecorded. It also forgets old skips, so the ledger stays a week deep.
/// </summary>
public sealed class AutoBooster(
    BoostDecider decider,
    IBoostLedger ledger,
    IReblogClient reblogs,
    BoostPolicy policy,
    TimeProvider clock,
    ILogger<AutoBooster> logger)
{
    // A claim older than this belongs to a request that died with its process: no reblog call takes this long.
    internal static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    private const int RetryBatch = 20;

    private long _holdUntilUtcTicks;

    /// <summary>Whether auto-boost is on in configuration (<c>Mastodon:Boost:Enabled</c>).</summary>
    public bool Enabled => policy.Options.Enabled;

    /// <summary>How long skip decisions are kept: a day past the largest maximum age settings allow.</summary>
    public static TimeSpan SkipMemory => BoostOptions.MaxAgeLimit + TimeSpan.FromDays(1);

    /// <summary>Decides about <paramref name="status"/> (a boost is judged by, and stored as, its original).</summary>
    public ValueTask ConsiderAsync(MastodonStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new ValueTask(ConsiderAllAsync([status], cancellationToken));
    }

    /// <summary>Decides about a batch of posts (see <see cref="BoostDecider.DecideAsync"/>) and reblogs those claimed.</summary>
    public async Task ConsiderAllAsync(IReadOnlyList<MastodonStatus> statuses, CancellationToken cancellationToken)
    {
        foreach (var claim in await decider.DecideAsync(statuses, cancellationToken).ConfigureAwait(false))
        {
            await ReblogAsync(claim.StatusKey, claim.StatusId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Retries the boosts awaiting it (rate-limited, failed, or claimed by a process that died), giving up those past
    /// the maximum age or attempts. Returns how many reblog requests it made. Nothing happens while paused.
    /// </summary>
    public async Task<int> RetryAsync(CancellationToken cancellationToken)
    {
        var options = policy.Options;
        var now = clock.GetUtcNow();
        if (!options.Enabled || IsHeldBack(now) || await decider.IsPausedAsync(cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// Forgets skip decisions older than <see cref="SkipMemory"/> (decided over a day ago, so the caps' windows never
    /// miss them): such a post is past any allowed maximum age, so if it is seen again it is skipped as too old again,
    /// and a busy tag's ledger stays a week deep instead of growing for ever. Returns how many were forgotten.
    /// </summary>
    public Task<int> ForgetOldSkipsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ledger.ForgetSkipsAsync(now - SkipMemory, now.AddDays(-1), cancellationToken);
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

    private bool IsHeldBack(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _holdUntilUtcTicks);
}
