using System.Data.Common;
using DbUp;
using DbUp.Builder;
using DbUp.Postgresql;
using Npgsql;

namespace CampaignBot.Storage.Dialects;

internal sealed class PostgresDialect : StorageDialect
{
    public static PostgresDialect Instance { get; } = new();

    public override string? CheckConnectionString(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (IsMalformed(exception))
        {
            return $"is not a valid Npgsql connection string: {exception.Message}";
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? "must name the PostgreSQL server, e.g. Host=localhost;Database=campaignbot;Username=campaignbot;Password=…"
            : null;
    }

    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    // The sequence is looked up once (a materialised CTE), not once per id: pg_get_serial_sequence is only stable,
    // so the planner doesn't fold it into a constant.
    public override string AllocateEventIdsSql => """
        WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('events', 'id')::regclass AS seq)
        SELECT nextval(s.seq) FROM s, generate_series(1, @n)
        """;

    public override string OverridingIdentity => "OVERRIDING SYSTEM VALUE";

    public override (string Sql, Tables.SqlParameter Parameter) In(string column, string name, IReadOnlyCollection<string> values) =>
        ($"{column} = ANY({name})", (name, values.ToArray()));

    public override DbDataSource CreateDataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);

    public override DbProviderFactory Factory => NpgsqlFactory.Instance;

    // Kept out of line: the method that tests a type loads its assembly when compiled.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static bool Serves(DbDataSource dataSource) => dataSource is NpgsqlDataSource;

    public override string DatabaseName(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return builder.Database ?? builder.Username ?? "(default)";
    }

    // Tables and DbUp's journal go wherever the search path points (public by default): DbUp looks the journal
    // up with to_regclass, so schemas sharing a database each keep their own.
    public override Task<UpgradeEngineBuilder> CreateUpgraderAsync(DbDataSource dataSource, CancellationToken cancellationToken) =>
        Task.FromResult(DeployChanges.To.PostgresqlDatabase(new PostgresqlConnectionManager((NpgsqlDataSource)dataSource)));
}
