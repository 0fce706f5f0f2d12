using Microsoft.Extensions.Logging;

namespace CampaignBot.Web;

/// <summary>The web surface's log lines.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Web: campaign page on {Urls}")]
    public static partial void Listening(ILogger logger, string urls);

    [LoggerMessage(2, LogLevel.Information, "Web: metrics and health on {Urls}")]
    public static partial void MetricsListening(ILogger logger, string urls);

    [LoggerMessage(3, LogLevel.Error, "Web: could not listen on {Urls} ({Reason}); the rest of the bot runs on without the web surface")]
    public static partial void ListenFailed(ILogger logger, string urls, string reason);

    [LoggerMessage(4, LogLevel.Error, "Web: {Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(5, LogLevel.Warning, "Web: readiness check {Name} failed")]
    public static partial void ProbeFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(6, LogLevel.Information, "Web: off (Web:Urls is off); no page, calendar, health or metrics endpoints")]
    public static partial void Off(ILogger logger);
}
