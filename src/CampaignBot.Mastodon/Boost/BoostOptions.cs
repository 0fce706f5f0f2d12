namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// The <c>Mastodon:Boost</c> section. The defaults boost at most 12 posts an hour (36 in the 3 hours over which
/// Mastodon allows 300 statuses, reblogs included), so reminders and replies always have room.
/// </summary>
public sealed class BoostOptions
{
    public const string Section = "Mastodon:Boost";

    /// <summary>The largest <see cref="MaxAge"/> allowed: a post older than this is never boosted, whatever the settings.</summary>
    public static readonly TimeSpan MaxAgeLimit = TimeSpan.FromDays(7);

    public bool Enabled { get; set; } = true;

    /// <summary>Also boost <c>unlisted</c> posts (public ones always; private and direct never).</summary>
    public bool AllowUnlisted { get; set; }

    /// <summary>Older posts are not boosted: backfill after downtime must not flood followers.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Boosts in any rolling hour.</summary>
    public int PerHour { get; set; } = 12;

    /// <summary>Boosts of one author in any rolling 24 hours.</summary>
    public int PerAuthorPerDay { get; set; } = 3;

    /// <summary>Accounts never boosted: <c>user@host</c> (or <c>user</c> for the bot's own instance).</summary>
    public List<string> BlockedAccounts { get; set; } = [];

    /// <summary>Servers never boosted; a domain also blocks its subdomains.</summary>
    public List<string> BlockedDomains { get; set; } = [];

    /// <summary>Skip posts marked sensitive or behind a content warning.</summary>
    public bool SkipSensitive { get; set; }

    /// <summary>How long to hold back after the server rate-limits a boost, and how often boosts that failed are retried.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Reblog attempts before a boost that keeps failing is given up.</summary>
    public int MaxAttempts { get; set; } = 5;
}
