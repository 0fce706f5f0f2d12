namespace CampaignBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/campaignbot.db";
}
