using Microsoft.Extensions.Logging;

namespace CampaignBot.Core;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "{What} failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(2, LogLevel.Warning, "Stopping without waiting for {Count} background task(s) still running after {Seconds:0} s; what they missed is read again after the restart")]
    public static partial void BackgroundAbandoned(ILogger logger, int count, double seconds);
}
