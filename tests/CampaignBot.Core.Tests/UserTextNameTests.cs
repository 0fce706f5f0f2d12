using CampaignBot.Core.Domain;
using CampaignBot.Core.Text;

namespace CampaignBot.Core.Tests;

public sealed class UserTextNameTests
{
    [Theory]
    [InlineData("Rosa", "Rosa")]
    [InlineData("Rosa\u202Egnp.exe", "Rosagnp.exe")]
    [InlineData("\u001B[31mRosa\u0007", "[31mRosa")]
    [InlineData("Rosa\nSmith\tNHS", "Rosa Smith NHS")]
    [InlineData("\u200B\u2066Sam\u2069", "Sam")]
    [InlineData("Dr 👩‍⚕️ Amal", "Dr 👩‍⚕️ Amal")]
    public void A_platform_name_is_cleaned_never_refused(string given, string kept) =>
        Assert.Equal(kept, UserText.Name(given));

    [Fact]
    public void A_person_keeps_only_the_cleaned_display_name()
    {
        var person = new Person(Platform.Mastodon, "42", "Sam\u202E\u0000");

        Assert.Equal("Sam", person.DisplayName);
        Assert.Equal(person with { }, new Person(Platform.Mastodon, "42", "Sam"));
        Assert.Equal("Rosa", (person with { DisplayName = "\u202ERosa\u0007" }).DisplayName);
    }
}
