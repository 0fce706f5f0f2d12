using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Scheduling;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Reminder {ReminderId} delivered to {Destinations} destinations (late: {Late})")]
    public static partial void Delivered(ILogger logger, long reminderId, int destinations, bool late);

    [LoggerMessage(2, LogLevel.Warning, "Reminder {ReminderId} missed: event {EventId} had started while the bot was offline")]
    public static partial void Missed(ILogger logger, long reminderId, long eventId);

    [LoggerMessage(3, LogLevel.Warning, "Reminder {ReminderId} attempt {Attempt} failed, retrying at {RetryAt:O}: {Error}")]
    public static partial void Retrying(ILogger logger, long reminderId, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(4, LogLevel.Error, "Reminder {ReminderId} failed after {Attempts} attempts: {Error}")]
    public static partial void Failed(ILogger logger, long reminderId, int attempts, string error);

    [LoggerMessage(5, LogLevel.Debug, "Reminder dispatcher armed for {FireAt:O}")]
    public static partial void Armed(ILogger logger, DateTimeOffset fireAt);

    [LoggerMessage(6, LogLevel.Error, "Could not arm the reminder dispatcher")]
    public static partial void ArmFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "Reminder dispatch failed; it will be retried")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Daily digest sent to {Destinations} destinations")]
    public static partial void DigestSent(ILogger logger, int destinations);

    [LoggerMessage(9, LogLevel.Debug, "Hashtag source {Source} reported {Mentions} posts, {Added} new")]
    public static partial void HashtagsPolled(ILogger logger, string source, int mentions, int added);

    [LoggerMessage(10, LogLevel.Warning, "Polling hashtag source {Source} failed")]
    public static partial void HashtagPollFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(20, LogLevel.Debug, "Stopping: {Count} claimed reminders handed back")]
    public static partial void HandedBack(ILogger logger, int count);

    [LoggerMessage(21, LogLevel.Warning, "Stopping: claimed reminders could not be handed back; they return when their lease ends")]
    public static partial void HandBackFailed(ILogger logger, Exception exception);

    [LoggerMessage(22, LogLevel.Information, "Took back {Count} reminders claimed by this node ({Node}) before it restarted")]
    public static partial void ClaimsRetaken(ILogger logger, int count, string node);

    [LoggerMessage(23, LogLevel.Information, "Reminders due at {Next:O} are overdue and unclaimed (a node died?): dispatching now")]
    public static partial void Overdue(ILogger logger, DateTimeOffset next);

    [LoggerMessage(24, LogLevel.Warning, "Reminder claim heartbeat failed; retrying at the next beat")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(25, LogLevel.Information, "Reminder dispatcher ready on node {Node}")]
    public static partial void DispatcherReady(ILogger logger, string node);

    [LoggerMessage(26, LogLevel.Information, "Reminders due at {Due:O} went out {LagMs:0.0} ms after: {Sent} on time, {Late} late, {Retrying} to retry, {Failed} failed")]
    public static partial void InstantDelivered(ILogger logger, DateTimeOffset due, double lagMs, int sent, int late, int retrying, int failed);

    /// <summary>
    /// One line per instant (each reminder's own line is Debug): a thousand reminders at one instant used to write a
    /// thousand lines to the console while their sends were still going out.
    /// </summary>
    public static void InstantDelivered(ILogger logger, DateTimeOffset due, TimeSpan lag, IReadOnlyList<ReminderOutcome> outcomes)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var sent = outcomes.Count(o => o.State == ReminderState.Sent);
            var late = outcomes.Count(o => o.State == ReminderState.Late);
            var retrying = outcomes.Count(o => o.State == ReminderState.Pending);
            InstantDelivered(logger, due, lag.TotalMilliseconds, sent, late, retrying, outcomes.Count - sent - late - retrying);
        }
    }
}
