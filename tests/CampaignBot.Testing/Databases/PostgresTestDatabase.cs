using System.Globalization;
using CampaignBot.Storage;
using Npgsql;
using Xunit;

namespace CampaignBot.Testing.Databases;

// A new schema in the server named by CAMPAIGNBOT_TEST_POSTGRES, reached through the connection's search path;
// dropped with everything in it on dispose. Without the variable the test is skipped, unless
// CAMPAIGNBOT_REQUIRE_POSTGRES=1 (CI), where a skip would hide that PostgreSQL never ran.
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ConnectionVariable = "CAMPAIGNBOT_TEST_POSTGRES";
    public const string RequireVariable = "CAMPAIGNBOT_REQUIRE_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string schema)
        : base(new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = schema }.ToString(),
        })
    {
        _serverConnectionString = serverConnectionString;
        Schema = schema;
    }

    public string Schema { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = ServerConnectionString();
        var schema = string.Create(CultureInfo.InvariantCulture, $"campaignbot_test_{Guid.NewGuid():N}");
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}", cancellationToken).ConfigureAwait(false);
        return new PostgresTestDatabase(server, schema);
    }

    protected override async ValueTask DropAsync()
    {
        using (var connection = new NpgsqlConnection(Options.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(_serverConnectionString, $"DROP SCHEMA IF EXISTS {Schema} CASCADE", CancellationToken.None).ConfigureAwait(false);
    }

    private static string ServerConnectionString()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connectionString)
        {
            return connectionString;
        }

        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            throw new InvalidOperationException(
                $"{RequireVariable}=1 but {ConnectionVariable} is not set: the PostgreSQL tests cannot run and must not be skipped.");
        }

        Assert.Skip($"PostgreSQL tests need {ConnectionVariable} (an Npgsql connection string); .ci/run sets it");
        return "";
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (dataSource.ConfigureAwait(false))
        {
            var command = dataSource.CreateCommand(sql);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
