using Microsoft.Extensions.Logging;

namespace CampaignBot.Storage;

// Names the database, never the connection string: it may carry a password.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Applied migration {Script} to the {Provider} database {Database}")]
    public static partial void MigrationApplied(ILogger logger, string script, StorageProvider provider, string database);

    [LoggerMessage(2, LogLevel.Information, "The {Provider} database {Database} is up to date")]
    public static partial void SchemaUpToDate(ILogger logger, StorageProvider provider, string database);
}
