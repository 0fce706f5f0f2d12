using CampaignBot.Core.Boosting;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Telemetry;
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
    ILogger<AutoBooster> logger) : IBoostPauseListener, IDisposable
{
    // A claim older than this belongs to a request that died with its process: no reblog call takes this long.
    internal static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    private const int RetryBatch = 20;

    private static readonly TimeSpan TagsFreshFor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PauseFreshFor = TimeSpan.FromSeconds(1);

    // Caps count what is stored, so checking them and storing the decision must not interleave.
    private readonly SemaphoreSlim _deciding = new(1, 1);
    private long _holdUntilUtcTicks;
    private volatile TagSnapshot? _tags;
    private volatile PauseSnapshot? _paused;

    /// <summary>Whether auto-boost is on in configuration (<c>Mastodon:Boost:Enabled</c>).</summary>
    public bool Enabled => policy.Options.Enabled;

    /// <summary>Decides about <paramref name="status"/> (a boost is judged by, and stored as, its original).</summary>
    public ValueTask ConsiderAsync(MastodonStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new ValueTask(ConsiderAllAsync([status], cancellationToken));
    }

    /// <summary>
    /// Decides about a batch of posts (a post seen twice in it is decided once, by its first sighting). The consent
    /// rules are pure and run in memory; posts decided before are found with one query and left alone; every skip of
    /// the batch is stored in one transaction (insert-if-absent: the first decision still wins). Only posts that pass
    /// every rule are claimed one by one under the caps and reblogged.
    /// </summary>
    public async Task ConsiderAllAsync(IReadOnlyList<MastodonStatus> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (!policy.Options.Enabled || statuses.Count == 0)
        {
            return;
        }

        if (identity.Current is not { } me)
        {
            foreach (var status in statuses)
            {
                var key = StatusKey(status.Reblog ?? status);
                BoostLog.IdentityUnknown(logger, key);
            }

            return;
        }

        var now = clock.GetUtcNow();
        var tags = await TrackedTagsAsync(cancellationToken).ConfigureAwait(false);
        var posts = new List<Judged>(statuses.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            var original = status.Reblog ?? status;
            var key = StatusKey(original);
            if (keys.Add(key))
            {
                posts.Add(new Judged(original, key, AccountKeys.Of(original.Account.Acct, me.Domain), policy.Check(original, me, tags, now)));
            }
        }

        var decided = await ledger.FindDecidedAsync([.. posts.Select(post => new PostKey(post.Key, post.Original.CreatedAt))], cancellationToken).ConfigureAwait(false);
        var skips = new List<BoostDecision>();
        var candidates = new List<Judged>();
        bool? paused = null;
        foreach (var post in posts)
        {
            if (decided.Contains(post.Key))
            {
                continue;
            }

            var reason = post.Reason;
            if (reason is null && (paused ??= await IsPausedAsync(cancellationToken).ConfigureAwait(false)))
            {
                reason = BoostSkipReason.Paused;
            }

            if (reason is { } skip)
            {
                skips.Add(BoostDecision.Skip(post.Key, post.Original.Id, post.AuthorKey, skip, post.Original.CreatedAt, now));
            }
            else
            {
                candidates.Add(post);
            }
        }

        var claims = candidates.Count == 0 ? [] : await ClaimAsync(candidates, skips, now, cancellationToken).ConfigureAwait(false);
        if (skips.Count > 0)
        {
            await ledger.TrySkipAllAsync(skips, cancellationToken).ConfigureAwait(false);
            foreach (var skip in skips)
            {
                BoostLog.Skipped(logger, skip.StatusKey, skip.Reason!.Value);
                MastodonMetrics.Decided(BoostWords.Of(skip.Reason.Value));
            }
        }

        foreach (var claim in claims)
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

    /// <summary>How long skip decisions are kept: a day past the largest maximum age settings allow.</summary>
    public static TimeSpan SkipMemory => BoostOptions.MaxAgeLimit + TimeSpan.FromDays(1);

    /// <summary><c>boost pause</c>/<c>resume</c> ran in this process: the next decision sees the new switch.</summary>
    public void PauseChanged(bool paused) => _paused = new PauseSnapshot(paused, clock.GetTimestamp());

    public void Dispose() => _deciding.Dispose();

    /// <summary>The ledger key of a post: its URI (the same wherever it is seen), its id where a server gives none.</summary>
    public static string StatusKey(MastodonStatus original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return string.IsNullOrEmpty(original.Uri) ? original.Id : original.Uri;
    }

    // Caps count what is stored, so counting, checking and claiming happen under one lock. Posts the caps refuse
    // become skips, stored with the rest of the batch.
    private async Task<List<BoostDecision>> ClaimAsync(List<Judged> candidates, List<BoostDecision> skips, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claims = new List<BoostDecision>();
        await _deciding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var counts = await ledger.CountBoostsAsync(now.AddHours(-1), [.. candidates.Select(c => c.AuthorKey)], now.AddDays(-1), cancellationToken).ConfigureAwait(false);
            var total = counts.Total;
            var byAuthor = new Dictionary<string, int>(counts.ByAuthor, StringComparer.Ordinal);
            foreach (var post in candidates)
            {
                if (policy.CheckCaps(total, byAuthor.GetValueOrDefault(post.AuthorKey)) is { } cap)
                {
                    skips.Add(BoostDecision.Skip(post.Key, post.Original.Id, post.AuthorKey, cap, post.Original.CreatedAt, now));
                    continue;
                }

                var decision = BoostDecision.Boost(post.Key, post.Original.Id, post.AuthorKey, post.Original.CreatedAt, now);
                if (await ledger.TryDecideAsync(decision, cancellationToken).ConfigureAwait(false))
                {
                    claims.Add(decision);
                    MastodonMetrics.Decided("boost");
                    total++;
                    byAuthor[post.AuthorKey] = byAuthor.GetValueOrDefault(post.AuthorKey) + 1;
                }
            }

            return claims;
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

    // The switch is read at most once a second (this process's boost pause/resume updates it at once, see
    // PauseChanged); another process's command takes effect here within that second.
    private async ValueTask<bool> IsPausedAsync(CancellationToken cancellationToken)
    {
        var cached = _paused;
        if (cached is not null && clock.GetElapsedTime(cached.At) < PauseFreshFor)
        {
            return cached.Paused;
        }

        var paused = await store.GetSettingAsync(SettingKeys.BoostPaused, cancellationToken).ConfigureAwait(false) == "true";
        _paused = new PauseSnapshot(paused, clock.GetTimestamp());
        return paused;
    }

    private sealed record TagSnapshot(IReadOnlyList<string> Tags, long At);

    private sealed record PauseSnapshot(bool Paused, long At);

    // A post of a batch with the first rule it breaks (null: it may be boosted, caps permitting).
    private sealed record Judged(MastodonStatus Original, string Key, string AuthorKey, BoostSkipReason? Reason);
}
