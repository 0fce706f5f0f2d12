using CampaignBot.Core.Results;
using CampaignBot.Seeding;

namespace CampaignBot.Tests;

public sealed class SeedFileReaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"campaignbot-seed-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void The_example_seed_reads_its_campaign_hashtags_and_events()
    {
        Assert.True(SeedFileReader.Read(RepositoryRoot.File("config/campaign.example.yaml")).TryGet(out var seed, out _));

        Assert.Equal("Junior Doctors' Contract Campaign", seed.Campaign?.Name);
        Assert.Equal(["NotSafeNotFair", "ImInWorkJeremy", "JuniorDoctorContracts", "LoveYourNHS"], seed.Hashtags);
        var march = seed.Events[0];
        Assert.Equal(("march", "March for a safe contract", "saturday 12:00", "3h", "7d,1d,2h,0"), (march.Kind, march.Title, march.When, march.Duration, march.Reminders));
        Assert.Equal(["NotSafeNotFair", "LoveYourNHS"], march.Hashtags);
        Assert.Equal("Strike: emergency care only", seed.Events[1].Title);
    }

    [Fact]
    public void Empty_values_and_an_empty_file_keep_the_defaults()
    {
        File.WriteAllText(_path, "campaign:\nhashtags:\nevents:\n  - kind: rally\n    title: Rally\n    when: friday 18:00\n    location: ~\n");
        Assert.True(SeedFileReader.Read(_path).TryGet(out var seed, out _));
        Assert.Null(seed.Campaign);
        Assert.Empty(seed.Hashtags);
        Assert.Null(Assert.Single(seed.Events).Location);

        File.WriteAllText(_path, "# nothing yet\n");
        Assert.True(SeedFileReader.Read(_path).TryGet(out var empty, out _));
        Assert.Empty(empty.Events);

        File.WriteAllText(_path, "~\n");
        Assert.True(SeedFileReader.Read(_path).TryGet(out var nothing, out _));
        Assert.Empty(nothing.Events);
    }

    [Theory]
    [InlineData("events:\n  - kind: march\n    titel: March\n", 3, "titel")]
    [InlineData("hashtags: NotSafeNotFair\n", 1, "hashtags")]
    [InlineData("events:\n  - kind: [march]\n", 2, "kind")]
    [InlineData("events:\n  - kind: march\n   title: broken indent\n", 3, "line 3")]
    public void A_malformed_seed_is_an_error_naming_its_line(string yaml, int line, string named)
    {
        File.WriteAllText(_path, yaml);

        Assert.False(SeedFileReader.Read(_path).TryGet(out _, out var error));

        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.Contains($"line {line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
