using Microsoft.Extensions.Logging;

namespace CampaignBot.Testing.Logging;

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
