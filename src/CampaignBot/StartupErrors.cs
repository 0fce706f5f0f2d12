using CampaignBot.Storage.Migrations;

namespace CampaignBot;

/// <summary>Recognises start-up failures caused by configuration, so they print as one line naming the key.</summary>
internal static class StartupErrors
{
    public static bool IsConfigurationError(Exception exception) => exception switch
    {
        DatabaseMigrationException => true,
        InvalidOperationException when exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => true,
        _ => false,
    };

    public static string Describe(Exception exception) => exception.Message.ReplaceLineEndings(" ");
}
