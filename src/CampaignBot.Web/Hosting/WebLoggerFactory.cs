using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignBot.Web.Hosting;

/// <summary>
/// The bot's loggers, for a listener's own small host, less that host's start-up report: when its address is taken
/// it logs the whole exception with its stack trace, and <see cref="WebSurface"/> already says what happened in one
/// line and keeps the bot running.
/// </summary>
internal sealed class WebLoggerFactory(ILoggerFactory bot) : ILoggerFactory
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public ILogger CreateLogger(string categoryName) =>
        categoryName == HostCategory ? NullLogger.Instance : bot.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => bot.AddProvider(provider);

    // The bot's factory belongs to the bot's container, which disposes it.
    public void Dispose()
    {
    }
}
