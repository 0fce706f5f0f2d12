using System.Text.RegularExpressions;
using CampaignBot.Core.Specs;

namespace CampaignBot.Commands.Tests;

public sealed partial class CatalogTests
{
    [Fact]
    public void Every_command_of_the_design_is_declared()
    {
        string[] expected =
        [
            "help", "event create", "event list", "event info", "event edit", "event cancel", "rsvp", "remind",
            "hashtag track", "hashtag untrack", "hashtag list", "hashtag stats", "subscribe", "unsubscribe", "announce",
            "boost pause", "boost resume", "boost status", "settings timezone", "status",
        ];

        Assert.Equal(expected, CommandCatalog.All.Select(spec => spec.Path));
    }

    [Fact]
    public void Names_and_descriptions_fit_chat_platform_rules()
    {
        foreach (var spec in CommandCatalog.All)
        {
            Assert.All(spec.Words, word => Assert.Matches(NameRule(), word));
            Assert.InRange(spec.Description.Length, 1, 100);
            Assert.InRange(spec.Options.Count, 0, 25);
            Assert.Equal(spec.Options.Select(o => o.Name).Distinct().Count(), spec.Options.Count);

            // Required options come first, so positional shorthand and Discord agree.
            var firstOptional = spec.Options.TakeWhile(o => o.Required).Count();
            Assert.All(spec.Options.Skip(firstOptional), option => Assert.False(option.Required, $"{spec.Path} {option.Name}"));
            foreach (var option in spec.Options)
            {
                Assert.Matches(NameRule(), option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
                Assert.InRange(option.Choices.Count, 0, 25);
            }
        }
    }

    [Fact]
    public void Organiser_only_commands_are_the_designed_ones()
    {
        var organiser = CommandCatalog.All.Where(spec => spec.OrganiserOnly).Select(spec => spec.Path);

        Assert.Equal(
            ["event create", "event edit", "event cancel", "hashtag track", "hashtag untrack", "subscribe", "unsubscribe", "announce", "boost pause", "boost resume", "boost status", "settings timezone"],
            organiser);
    }

    [GeneratedRegex(@"^[-_a-z0-9]{1,32}$")]
    private static partial Regex NameRule();
}
