using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// The consent rules of auto-boost, pure: given a post (the original, never a boost), who the bot is, the tracked
/// hashtags and the time, the first rule it breaks, or null when it may be boosted. <see cref="BoostDecider"/> adds the
/// rules that need stored state (paused, caps) through <see cref="CheckCaps"/>.
/// </summary>
public sealed class BoostPolicy(BoostOptions options)
{
    private readonly HashSet<string> _blockedAccounts = new(options.BlockedAccounts.Select(a => a.Trim().TrimStart('@').ToLowerInvariant()), StringComparer.Ordinal);
    private readonly string[] _blockedDomains = [.. options.BlockedDomains.Select(AccountKeys.Host)];

    public BoostOptions Options => options;

    public BoostSkipReason? Check(MastodonStatus original, BotSelf me, IReadOnlyCollection<string> trackedTags, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(trackedTags);
        var author = original.Account;
        var authorKey = AccountKeys.Of(author.Acct, me.Domain);
        if (author.Id == me.AccountId || authorKey == me.Key)
        {
            return BoostSkipReason.OwnPost;
        }

        if (!IsVisibleEnough(original.Visibility))
        {
            return BoostSkipReason.NotPublic;
        }

        if (original.Reblogged == true)
        {
            return BoostSkipReason.AlreadyBoosted;
        }

        if (author.Bot)
        {
            return BoostSkipReason.BotAccount;
        }

        if (ProfileText.OptsOut(author))
        {
            return BoostSkipReason.OptedOut;
        }

        if (author.Discoverable == false || author.Indexable == false || author.Noindex == true)
        {
            return BoostSkipReason.NotDiscoverable;
        }

        if (IsBlockedAccount(authorKey, author.Acct))
        {
            return BoostSkipReason.BlockedAccount;
        }

        if (IsBlockedDomain(AccountKeys.DomainOf(authorKey)))
        {
            return BoostSkipReason.BlockedDomain;
        }

        if (!HasTrackedTag(original, trackedTags))
        {
            return BoostSkipReason.NoTrackedTag;
        }

        if (options.SkipSensitive && (original.Sensitive || !string.IsNullOrWhiteSpace(original.SpoilerText)))
        {
            return BoostSkipReason.Sensitive;
        }

        return now - original.CreatedAt > options.MaxAge ? BoostSkipReason.TooOld : null;
    }

    /// <summary>The caps, given the boosts of the last hour and the author's of the last 24 hours.</summary>
    public BoostSkipReason? CheckCaps(int boostsLastHour, int authorBoostsLastDay) =>
        authorBoostsLastDay >= options.PerAuthorPerDay ? BoostSkipReason.AuthorCap
        : boostsLastHour >= options.PerHour ? BoostSkipReason.HourlyCap
        : null;

    private bool IsVisibleEnough(string visibility) =>
        string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase)
        || (options.AllowUnlisted && string.Equals(visibility, "unlisted", StringComparison.OrdinalIgnoreCase));

    // "user@host" entries match that account; a bare "user" matches the local account (the key qualifies it).
    private bool IsBlockedAccount(string authorKey, string acct) =>
        _blockedAccounts.Count > 0
        && (_blockedAccounts.Contains(authorKey) || (!acct.Contains('@', StringComparison.Ordinal) && _blockedAccounts.Contains(acct.ToLowerInvariant())));

    private bool IsBlockedDomain(string host)
    {
        foreach (var blocked in _blockedDomains)
        {
            if (host == blocked || host.EndsWith("." + blocked, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Status::Tag names are lower-cased by Mastodon, but other servers keep the display casing.
    private static bool HasTrackedTag(MastodonStatus status, IReadOnlyCollection<string> trackedTags)
    {
        foreach (var tag in status.Tags)
        {
            foreach (var tracked in trackedTags)
            {
                if (string.Equals(tag.Name.TrimStart('#'), tracked.TrimStart('#'), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
