namespace CampaignBot.Core.Boosting;

/// <summary>Why a post was not boosted: one named rule each, so <c>boost status</c> can count them.</summary>
public enum BoostSkipReason
{
    /// <summary>Not public (unlisted only when allowed; never private or direct).</summary>
    NotPublic,

    /// <summary>Written by the bot itself.</summary>
    OwnPost,

    /// <summary>The server says the bot has boosted it already.</summary>
    AlreadyBoosted,

    /// <summary>The author is an automated account (<c>bot: true</c>): no bot-to-bot boost storms.</summary>
    BotAccount,

    /// <summary>The author's bio or profile fields say <c>#nobot</c> or <c>#noboost</c>.</summary>
    OptedOut,

    /// <summary>The author opted out of discovery (<c>discoverable</c>/<c>indexable</c> false, or <c>noindex</c>).</summary>
    NotDiscoverable,

    /// <summary>The author is blocked in configuration.</summary>
    BlockedAccount,

    /// <summary>The author's server is blocked in configuration.</summary>
    BlockedDomain,

    /// <summary>None of the campaign's tracked hashtags is among the post's tags.</summary>
    NoTrackedTag,

    /// <summary>Marked sensitive or behind a content warning, and the policy skips those.</summary>
    Sensitive,

    /// <summary>Older than the configured maximum age (backfill after downtime must not flood followers).</summary>
    TooOld,

    /// <summary>The author's cap for the window was reached.</summary>
    AuthorCap,

    /// <summary>The hourly cap was reached.</summary>
    HourlyCap,

    /// <summary>Auto-boost was paused (<c>boost pause</c>) when the post arrived.</summary>
    Paused,

    /// <summary>A boost that kept failing or waited past the maximum age was given up.</summary>
    GaveUp,
}
