using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Boost;

internal static partial class BoostLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Boosted {StatusKey}")]
    public static partial void Boosted(ILogger logger, string statusKey);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Not boosting {StatusKey}: {Reason}")]
    public static partial void Skipped(ILogger logger, string statusKey, CampaignBot.Core.Boosting.BoostSkipReason reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "Not deciding about {StatusKey} yet: the bot's own account is not verified; backfill brings it again")]
    public static partial void IdentityUnknown(ILogger logger, string statusKey);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "The server refused to boost {StatusKey}; not trying again")]
    public static partial void Refused(ILogger logger, string statusKey);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Rate limited while boosting {StatusKey}: boosts wait until {Until:u}")]
    public static partial void RateLimited(ILogger logger, string statusKey, DateTimeOffset until);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Boosting {StatusKey} failed ({Error}); it will be retried")]
    public static partial void ReblogFailed(ILogger logger, string statusKey, string error);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "Gave up boosting {StatusKey} after {Attempts} attempts (last error: {Error})")]
    public static partial void GaveUp(ILogger logger, string statusKey, int attempts, string error);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "Retrying waiting boosts failed; trying again at the next round")]
    public static partial void RetryRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Debug, Message = "Forgot {Count} skip decisions older than {Days} days")]
    public static partial void ForgotSkips(ILogger logger, int count, double days);
}
