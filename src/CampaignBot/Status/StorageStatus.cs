using System.Data.Common;
using CampaignBot.Core.Ports;
using CampaignBot.Storage;
using Microsoft.Extensions.Options;

namespace CampaignBot.Status;

/// <summary>Which database the bot uses, without credentials.</summary>
internal sealed class StorageStatus(IOptions<StorageOptions> options) : IStatusSource
{
    public string Section => "Storage";

    public Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = options.Value.ConnectionString };
        string Part(string key) => builder.TryGetValue(key, out var value) ? value?.ToString() ?? "?" : "?";
        var line = options.Value.Provider == StorageProvider.Postgres
            ? $"PostgreSQL ({Part("Host")}/{Part("Database")})"
            : $"SQLite ({Part("Data Source")})";
        IReadOnlyList<string> lines = [line];
        return Task.FromResult(lines);
    }
}
