using System.Data.Common;
namespace CampaignBot.Storage.Tables;

internal sealed class SettingTable(DbDataSource dataSource)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        (await dataSource.QueryAsync("SELECT value FROM settings WHERE key = @key", [("@key", key)], reader => reader.GetString(0), cancellationToken)
            .ConfigureAwait(false)) is [var value] ? value : null;

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) => dataSource.ExecuteAsync(
        "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [("@key", key), ("@value", value)],
        cancellationToken);
}
