using Microsoft.Extensions.Logging;

namespace CampaignBot;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Seeded {Count} events from {Path}")]
    public static partial void Seeded(ILogger logger, int count, string path);

    [LoggerMessage(2, LogLevel.Warning, "Seed event \"{Title}\" skipped: {Reason}")]
    public static partial void SeedEventSkipped(ILogger logger, string title, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Seed file's {Key} skipped: {Reason}")]
    public static partial void SeedValueSkipped(ILogger logger, string key, string reason);

    [LoggerMessage(3, LogLevel.Information, "Shell adapter ready: type help, or exit to quit")]
    public static partial void ShellReady(ILogger logger);

    [LoggerMessage(4, LogLevel.Information, "Input ended; stopping")]
    public static partial void ShellInputEnded(ILogger logger);
}
