using CampaignBot.Core.Domain;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Commands;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Refused organiser command {Command} from a non-organiser on {Platform}")]
    public static partial void Refused(ILogger logger, string command, Platform platform);

    [LoggerMessage(2, LogLevel.Error, "Command {Command} failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(3, LogLevel.Warning, "Broadcast to {Destination} failed: {Reason}")]
    public static partial void BroadcastFailed(ILogger logger, string destination, string reason);

    [LoggerMessage(4, LogLevel.Information, "Event {EventId} {Change} by {Platform} user")]
    public static partial void EventChanged(ILogger logger, long eventId, string change, Platform platform);

    [LoggerMessage(5, LogLevel.Warning, "Event card of event {EventId} in {Destination} not posted or updated: {Reason}")]
    public static partial void CardFailed(ILogger logger, long eventId, string destination, string reason);

    [LoggerMessage(6, LogLevel.Error, "Suggestions for {Option} of {Command} failed")]
    public static partial void CompletionFailed(ILogger logger, Exception exception, string option, string command);
}
