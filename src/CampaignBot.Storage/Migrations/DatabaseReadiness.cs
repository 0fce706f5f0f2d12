using System.Data.Common;
using CampaignBot.Core.Ports;
using CampaignBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CampaignBot.Storage.Migrations;

/// <summary>The database for <c>/readyz</c>: reachable, and its journal holds this build's latest migration.</summary>
internal sealed class DatabaseReadiness(DbDataSource dataSource, IOptions<StorageOptions> options) : IReadinessProbe
{
    private readonly string _latest = MigrationScripts.For(options.Value.Provider)[^1].Name;

    public string Name => "database";

    public bool Required => true;

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            // DbUp's journal: SchemaVersions (SQLite) or schemaversions (PostgreSQL); both engines fold the name.
            var applied = await dataSource.QuerySingleAsync(
                "SELECT COUNT(*) FROM schemaversions WHERE scriptname = @latest",
                [("@latest", _latest)],
                reader => reader.GetInt64(0),
                cancellationToken).ConfigureAwait(false);
            return applied > 0 ? Readiness.Up($"migrated ({_latest})") : Readiness.Down($"not migrated to {_latest}");
        }
        // The exception text can name hosts and users; the type is enough on a possibly public endpoint.
        catch (DbException exception)
        {
            return Readiness.Down($"unreachable ({exception.GetType().Name})");
        }
    }
}
