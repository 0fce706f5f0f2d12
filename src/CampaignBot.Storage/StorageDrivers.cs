using System.Data.Common;
using CampaignBot.Storage.Dialects;

namespace CampaignBot.Storage;

/// <summary>The ADO.NET driver behind each provider, for libraries that open their own connections.</summary>
public static class StorageDrivers
{
    /// <summary>The driver's factory; only the chosen provider's driver is loaded.</summary>
    public static DbProviderFactory Factory(StorageProvider provider) => StorageDialect.For(provider).Factory;
}
