namespace CampaignBot.Tests;

/// <summary>A bad setting stops start-up with one line naming its key.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("--Campaign:TimeZone=Mars/Olympus", "Campaign:TimeZone")]
    [InlineData("--Storage:Provider=Oracle", "Storage:Provider")]
    [InlineData("--Campaign:SeedFile=config/missing.yaml", "Campaign:SeedFile")]
    [InlineData("--Campaign:Hashtags:0=not a tag", "Campaign:Hashtags:0")]
    [InlineData("--Shell:Enabled=sometimes", "Shell:Enabled")]
    public async Task A_bad_value_stops_start_up_naming_the_key(string setting, string key)
    {
        var run = await BotProcess.PipeAsync(_database.Path, "status\n", setting);

        Assert.Equal(2, run.ExitCode);
        var errorLines = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(errorLines);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }
}
