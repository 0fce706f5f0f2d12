namespace CampaignBot.Tests;

/// <summary>The seed file's words are cleaned as typed text is before the campaign shows them anywhere.</summary>
public sealed class SeedingTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly string _seed = Path.Combine(Path.GetTempPath(), $"campaignbot-seed-{Guid.NewGuid():N}.yaml");

    public void Dispose()
    {
        _database.Dispose();
        File.Delete(_seed);
    }

    [Fact]
    public async Task A_control_character_in_the_seeds_campaign_name_is_refused_with_a_warning_and_bidi_marks_are_removed()
    {
        File.WriteAllText(_seed, """
            campaign:
              name: "Red \e[31malert"
              description: "Safe \u202Econtracts"
            events:
              - kind: rally
                title: "Rally \u202Efor safe staffing"
                when: friday 18:00
            """);

        var run = await BotProcess.PipeAsync(_database.Path, "status\nevent list\n", $"--Campaign:SeedFile={_seed}", "--Campaign:Name=Fallback campaign");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Seed file's campaign.name skipped", run.Errors, StringComparison.Ordinal);
        Assert.Contains("Fallback campaign — status", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rally for safe staffing", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u202E', run.Output);
    }
}
