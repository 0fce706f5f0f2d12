using CampaignBot.Storage;

namespace CampaignBot.Mastodon.Tests.Boost;

/// <summary>The storage engines the boost ledger's tests run on.</summary>
public static class BoostEngines
{
    public static TheoryData<StorageProvider> Both => [StorageProvider.Sqlite, StorageProvider.Postgres];
}
