using CampaignBot.Mastodon.Mentions;
using CampaignBot.Mastodon.Text;

namespace CampaignBot.Mastodon.Tests;

public sealed class MentionTextTests
{
    private static readonly string[] Hosts = ["mastodon.example"];

    [Theory]
    [InlineData("""<p><span class="h-card" translate="no"><a href="https://mastodon.example/@campaignbot" class="u-url mention">@<span>campaignbot</span></a></span> event list</p>""", "event list")]
    [InlineData("""<p><span class="h-card"><a href="https://mastodon.example/@campaignbot" class="u-url mention">@<span>campaignbot@mastodon.example</span></a></span> rsvp 3 going</p>""", "rsvp 3 going")]
    [InlineData("""<p>@campaignbot event create title:&quot;Fish &amp; chips&quot; when:&quot;in 1d&quot;</p>""", "event create title:\"Fish & chips\" when:\"in 1d\"")]
    [InlineData("""<p>@campaignbot announce first line<br>second line<br/>third</p>""", "announce first line second line third")]
    [InlineData("""@campaignbot help event""", "help event")]
    [InlineData("""<a href="https://other.example/@campaignbot" rel="nofollow noopener" target="_blank">@campaignbot</a> status""", "status")]
    [InlineData("""<p>@campaignbot announce see <a href="https://nhs.example/a/very/long/path"><span class="invisible">https://</span><span class="ellipsis">nhs.example/a/very/</span><span class="invisible">long/path</span></a></p>""", "announce see https://nhs.example/a/very/long/path")]
    [InlineData("""<p><span class="h-card"><a href="https://other.example/@alice" class="u-url mention">@<span>alice</span></a></span> <span class="h-card"><a href="https://mastodon.example/@campaignbot" class="u-url mention">@<span>campaignbot</span></a></span> event list</p>""", "event list")]
    public void The_command_is_the_text_after_the_bots_handle(string html, string command)
    {
        Assert.Equal(command, MentionText.Command(html, "campaignbot", Hosts));
    }

    [Fact]
    public void Paragraphs_become_spaces_and_whitespace_collapses()
    {
        Assert.Equal("one two three", HtmlText.ToText("<p>one</p><p>two\n\n   three</p>"));
    }

    [Fact]
    public void A_lone_angle_bracket_stays_as_text()
    {
        Assert.Equal("3 < 5 and &", HtmlText.ToText("3 < 5 and &amp;"));
    }
}
