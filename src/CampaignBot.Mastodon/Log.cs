using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon;

/// <summary>The adapter's log lines. The access token never appears in them.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Mastodon: signed in as @{Acct} on {Instance} (max {MaxCharacters} characters per post)")]
    public static partial void SignedIn(ILogger logger, string acct, string instance, int maxCharacters);

    [LoggerMessage(2, LogLevel.Critical, "Mastodon adapter stopped: {Reason}. The rest of the bot keeps running; fix the setting and restart to bring Mastodon back.")]
    public static partial void AdapterStopped(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Error, "Mastodon adapter crashed")]
    public static partial void AdapterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Mastodon: {What} failed ({Problem}); trying again in {DelayMs:0} ms")]
    public static partial void StartRetry(ILogger logger, string what, string problem, double delayMs);

    [LoggerMessage(5, LogLevel.Warning, "Mastodon: GET /api/v2/instance failed ({Problem}); assuming 500 characters and streaming on the API host")]
    public static partial void InstanceUnknown(ILogger logger, string problem);


    [LoggerMessage(10, LogLevel.Information, "Mastodon streaming: connected over {Mode} to {Url}")]
    public static partial void StreamConnected(ILogger logger, string mode, string url);

    [LoggerMessage(11, LogLevel.Warning, "Mastodon streaming: {Reason}; reconnecting in {DelayMs:0} ms")]
    public static partial void StreamReconnecting(ILogger logger, string reason, double delayMs);

    [LoggerMessage(12, LogLevel.Warning, "Mastodon streaming: {Mode} is not available on this server ({Reason}); falling back to {Fallback}")]
    public static partial void StreamFallback(ILogger logger, string mode, string reason, string fallback);

    [LoggerMessage(13, LogLevel.Warning, "Mastodon streaming: skipped a malformed frame: {Problem}")]
    public static partial void MalformedFrame(ILogger logger, string problem);

    [LoggerMessage(14, LogLevel.Information, "Mastodon streaming: subscribed to {Streams}")]
    public static partial void Subscribed(ILogger logger, string streams);

    [LoggerMessage(15, LogLevel.Warning, "Mastodon streaming: the server reported an error: {Problem}")]
    public static partial void StreamError(ILogger logger, string problem);

    [LoggerMessage(16, LogLevel.Information, "Mastodon: backfilled {Mentions} mention(s) and {Tagged} tagged post(s) over REST after {Reason}")]
    public static partial void Backfilled(ILogger logger, int mentions, int tagged, string reason);

    [LoggerMessage(20, LogLevel.Warning, "Mastodon {Route}: rate limited; waiting {DelayMs:0} ms (reset header: {FromHeader})")]
    public static partial void RateLimited(ILogger logger, string route, double delayMs, bool fromHeader);

    [LoggerMessage(21, LogLevel.Warning, "Mastodon {Route}: {Problem}; retrying")]
    public static partial void Retrying(ILogger logger, string route, string problem);

    [LoggerMessage(22, LogLevel.Warning, "Mastodon {Route} failed: HTTP {Status}: {Message}")]
    public static partial void Failed(ILogger logger, string route, int status, string message);

    [LoggerMessage(23, LogLevel.Debug, "Mastodon answered HTTP {Status} to the access token; no further requests will be made with it")]
    public static partial void TokenRejected(ILogger logger, int status);

    [LoggerMessage(24, LogLevel.Warning, "Mastodon {Route}: unreadable response: {Problem}")]
    public static partial void MalformedResponse(ILogger logger, string route, string problem);

    [LoggerMessage(28, LogLevel.Warning, "Mastodon {Route}: skipped an unreadable entry ({Problem}); the rest of the page is read")]
    public static partial void MalformedEntry(ILogger logger, string route, string problem);

    [LoggerMessage(25, LogLevel.Debug, "Mastodon {Route}: budget low, pacing by {DelayMs:0} ms")]
    public static partial void Pacing(ILogger logger, string route, double delayMs);

    [LoggerMessage(26, LogLevel.Warning, "Mastodon {Route} is deprecated on this server (Deprecation header)")]
    public static partial void Deprecated(ILogger logger, string route);

    [LoggerMessage(30, LogLevel.Information, "Mastodon: command from @{Acct} (notification {NotificationId}): {Command}")]
    public static partial void Command(ILogger logger, string acct, string notificationId, string command);

    [LoggerMessage(31, LogLevel.Debug, "Mastodon: ignored notification {NotificationId}: {Reason}")]
    public static partial void Ignored(ILogger logger, string notificationId, string reason);

    [LoggerMessage(32, LogLevel.Error, "Mastodon: the reply to status {StatusId} failed: {Problem}")]
    public static partial void ReplyFailed(ILogger logger, string statusId, string problem);

    [LoggerMessage(34, LogLevel.Warning, "Mastodon: fetching mentions failed ({Problem}); will try again")]
    public static partial void MentionsFailed(ILogger logger, string problem);

    [LoggerMessage(35, LogLevel.Information, "Mastodon: first start; mentions before notification {NotificationId} are not answered")]
    public static partial void CursorStarted(ILogger logger, string notificationId);

    [LoggerMessage(40, LogLevel.Warning, "Mastodon: polling #{Tag} failed ({Problem})")]
    public static partial void TagPollFailed(ILogger logger, string tag, string problem);

    [LoggerMessage(41, LogLevel.Information, "Mastodon: tag polling paused for this round to stay inside the request budget ({Remaining} left until {Reset:O})")]
    public static partial void TagBudget(ILogger logger, int remaining, DateTimeOffset reset);

    [LoggerMessage(42, LogLevel.Error, "Mastodon: recording tagged posts failed")]
    public static partial void RecordFailed(ILogger logger, Exception exception);

    [LoggerMessage(43, LogLevel.Error, "Mastodon: auto-boost failed on status {StatusId}")]
    public static partial void BoostFailed(ILogger logger, Exception exception, string statusId);

    [LoggerMessage(50, LogLevel.Warning, "Mastodon: posting to {Destination} failed: {Problem}")]
    public static partial void SendFailed(ILogger logger, string destination, string problem);

    [LoggerMessage(51, LogLevel.Warning, "Mastodon: the outcome of post {Key} is uncertain ({Problem}); looking for it among the bot's own statuses before posting again")]
    public static partial void PostUncertain(ILogger logger, string key, string problem);

    [LoggerMessage(52, LogLevel.Information, "Mastodon: post {Key} was made after all (status {StatusId}); not posting it again")]
    public static partial void PostFound(ILogger logger, string key, string statusId);

    [LoggerMessage(54, LogLevel.Warning, "Mastodon: post {Key} may have been made already, but the bot's own statuses could not be read back to {Since:O} ({Why}); not posting it again, so it is not doubled: check the bot's timeline and post it by hand if it is missing")]
    public static partial void PostUndecided(ILogger logger, string key, DateTimeOffset since, string why);

    [LoggerMessage(37, LogLevel.Debug, "Mastodon: forgot {Count} handled mentions and posts older than the redelivery window")]
    public static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(27, LogLevel.Information, "Mastodon streaming: polling meanwhile; streaming is tried again in {Seconds:0} s")]
    public static partial void StreamRetryLater(ILogger logger, double seconds);

    [LoggerMessage(53, LogLevel.Debug, "Mastodon: auto-boost's warm-up failed ({Problem}); the first tagged post is decided cold")]
    public static partial void BoostWarmUpFailed(ILogger logger, string problem);

    [LoggerMessage(55, LogLevel.Warning, "Mastodon: @{Account} mentioned the bot more than {PerHour} times in an hour; further mentions go unanswered for the rest of that hour (Mastodon:MentionsPerHour)")]
    public static partial void MentionsOverAllowance(ILogger logger, string account, int perHour);
}
