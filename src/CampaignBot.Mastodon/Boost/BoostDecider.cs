using CampaignBot.Core.Boosting;
using CampaignBot.Core.Campaign;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Telemetry;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// The deciding half of auto-boost: judges a batch of tagged posts by the consent rules (pure, in memory), leaves
/// alone posts decided before (one query), stores every skip of the batch in one transaction (insert-if-absent: the
/// first decision wins), and claims the posts that pass every rule one by one under the caps. It makes no request to
/// the server: <see cref="AutoBooster"/> reblogs the claims it returns.
/// </summary>
/// <remarks>It logs under <see cref="AutoBooster"/>'s category, as auto-boost always has, so log filters keep working.</remarks>
public sealed class BoostDecider(
    IBoostLedger ledger,
    BotIdentity identity,
    BoostPolicy policy,
    CampaignState campaign,
    TimeProvider clock,
    ILogger<AutoBooster> logger) : IDisposable
{
    // Caps count what is stored, so checking them and storing the decision must not interleave.
    private readonly SemaphoreSlim _deciding = new(1, 1);

    /// <summary>
    /// Decides about a batch of posts (a boost is judged by, and stored as, its original; a post seen twice in the
    /// batch is decided once, by its first sighting) and returns the boosts claimed, which the caller must reblog.
    /// </summary>
    public async Task<IReadOnlyList<BoostDecision>> DecideAsync(IReadOnlyList<MastodonStatus> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (!policy.Options.Enabled || statuses.Count == 0)
        {
            return [];
        }

        if (identity.Current is not { } me)
        {
            foreach (var status in statuses)
            {
                var key = StatusKey.Of(status.Reblog ?? status);
                BoostLog.IdentityUnknown(logger, key);
            }

            return [];
        }

        var now = clock.GetUtcNow();
        var tags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        var posts = new List<Judged>(statuses.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            var original = status.Reblog ?? status;
            var key = StatusKey.Of(original);
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

        return claims;
    }

    /// <summary><c>boost pause</c>/<c>resume</c> ran in this process: the next decision sees the new switch.</summary>
    // The switch and the tracked tags are the campaign's, read at most once a second (CampaignState): this process's
    // boost pause/resume is seen at once, another process's within that second.
    internal Task<bool> IsPausedAsync(CancellationToken cancellationToken) => campaign.BoostPausedAsync(cancellationToken);

    public void Dispose() => _deciding.Dispose();

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

    // A post of a batch with the first rule it breaks (null: it may be boosted, caps permitting).
    private sealed record Judged(MastodonStatus Original, string Key, string AuthorKey, BoostSkipReason? Reason);
}
