namespace CampaignBot.Core.Boosting;

/// <summary>The words states and reasons are stored as, and the phrases <c>boost status</c> shows.</summary>
public static class BoostWords
{
    /// <summary>The title of auto-boost's section in <c>status</c> and <c>boost status</c>.</summary>
    public const string StatusTitle = "Auto-boost";

    public static string Of(BoostState state) => state switch
    {
        BoostState.Boosting => "boosting",
        BoostState.Boosted => "boosted",
        BoostState.Skipped => "skipped",
        BoostState.Refused => "refused",
        BoostState.RateLimited => "rate-limited",
        BoostState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Of(BoostSkipReason reason) => reason switch
    {
        BoostSkipReason.NotPublic => "not-public",
        BoostSkipReason.OwnPost => "own-post",
        BoostSkipReason.AlreadyBoosted => "already-boosted",
        BoostSkipReason.BotAccount => "bot-account",
        BoostSkipReason.OptedOut => "opted-out",
        BoostSkipReason.NotDiscoverable => "not-discoverable",
        BoostSkipReason.BlockedAccount => "blocked-account",
        BoostSkipReason.BlockedDomain => "blocked-domain",
        BoostSkipReason.NoTrackedTag => "no-tracked-tag",
        BoostSkipReason.Sensitive => "sensitive",
        BoostSkipReason.TooOld => "too-old",
        BoostSkipReason.AuthorCap => "author-cap",
        BoostSkipReason.HourlyCap => "hourly-cap",
        BoostSkipReason.Paused => "paused",
        BoostSkipReason.GaveUp => "gave-up",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>A short phrase for people (<c>boost status</c>).</summary>
    public static string Describe(BoostSkipReason reason) => reason switch
    {
        BoostSkipReason.NotPublic => "not public",
        BoostSkipReason.OwnPost => "the bot's own",
        BoostSkipReason.AlreadyBoosted => "already boosted",
        BoostSkipReason.BotAccount => "bot accounts",
        BoostSkipReason.OptedOut => "#nobot/#noboost",
        BoostSkipReason.NotDiscoverable => "opted out of discovery",
        BoostSkipReason.BlockedAccount => "blocked accounts",
        BoostSkipReason.BlockedDomain => "blocked servers",
        BoostSkipReason.NoTrackedTag => "no tracked tag",
        BoostSkipReason.Sensitive => "sensitive/CW",
        BoostSkipReason.TooOld => "too old",
        BoostSkipReason.AuthorCap => "author cap",
        BoostSkipReason.HourlyCap => "hourly cap",
        BoostSkipReason.Paused => "paused",
        BoostSkipReason.GaveUp => "gave up after failures",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static BoostState State(string word) => Parse<BoostState>(word, Of, "boost state");

    public static BoostSkipReason Reason(string word) => Parse<BoostSkipReason>(word, Of, "boost skip reason");

    private static T Parse<T>(string word, Func<T, string> name, string what) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (name(value) == word)
            {
                return value;
            }
        }

        throw new InvalidDataException($"The database holds '{word}', which is not a {what}.");
    }
}
