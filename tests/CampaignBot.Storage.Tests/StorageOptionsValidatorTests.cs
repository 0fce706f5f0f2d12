namespace CampaignBot.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private static readonly StorageOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(Validator.Validate(null, new StorageOptions()).Succeeded);
    }

    [Fact]
    public void A_postgres_connection_string_with_a_host_is_valid()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Database=campaignbot;Username=bot;Password=pw" };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, "")]
    [InlineData(StorageProvider.Postgres, "   ")]
    public void Empty_connection_string_is_refused_naming_the_key(StorageProvider provider, string connectionString)
    {
        var result = Validator.Validate(null, new StorageOptions { Provider = provider, ConnectionString = connectionString });

        Assert.Equal("Storage:ConnectionString must be set.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Unknown_provider_is_refused_naming_the_key()
    {
        var result = Validator.Validate(null, new StorageOptions { Provider = (StorageProvider)7 });

        Assert.Equal("Storage:Provider must be Sqlite or Postgres.", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(StorageProvider.Sqlite, "Data Source=shared;Mode=Memory")]
    [InlineData(StorageProvider.Sqlite, "Cache=Shared")]
    [InlineData(StorageProvider.Sqlite, "Nonsense=1")]
    [InlineData(StorageProvider.Postgres, "Host=db;Bogus=1")]
    [InlineData(StorageProvider.Postgres, "Database=campaignbot;Username=bot")]
    [InlineData(StorageProvider.Postgres, "Data Source=data/campaignbot.db")]
    public void Unusable_connection_string_is_refused_naming_the_key(StorageProvider provider, string connectionString)
    {
        var result = Validator.Validate(null, new StorageOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.StartsWith("Storage:ConnectionString ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
