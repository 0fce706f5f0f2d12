namespace CampaignBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
