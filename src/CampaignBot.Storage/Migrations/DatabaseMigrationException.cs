namespace CampaignBot.Storage.Migrations;

public sealed class DatabaseMigrationException(string message, Exception? innerException) : Exception(message, innerException);
