using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Tests;

public sealed class LinkHeaderTests
{
    private static readonly Uri Base = new("https://mastodon.example/api/v1/timelines/tag/x");

    [Fact]
    public void Next_and_prev_are_read_from_a_mastodon_header()
    {
        var links = LinkHeader.Parse("<https://mastodon.example/api/v1/timelines/tag/x?max_id=7>; rel=\"next\", <https://mastodon.example/api/v1/timelines/tag/x?min_id=9>; rel=\"prev\"", Base);

        Assert.Equal("7", LinkHeader.QueryValue(links["next"], "max_id"));
        Assert.Equal("9", LinkHeader.QueryValue(links["prev"], "min_id"));
    }

    [Fact]
    public void Quoted_parameters_with_commas_and_semicolons_do_not_split_links()
    {
        var links = LinkHeader.Parse("<https://a.example/p?x=1,2>; title=\"a, b; c\"; rel=\"next\", <https://a.example/q>; rel=prev", Base);

        Assert.Equal("https://a.example/p?x=1,2", links["next"].ToString());
        Assert.Equal("https://a.example/q", links["prev"].ToString());
    }

    [Fact]
    public void Several_relation_types_in_one_rel_each_name_the_link_and_case_is_ignored()
    {
        var links = LinkHeader.Parse("<https://a.example/first>; REL=\"start PREV\"", Base);

        Assert.Equal(links["start"], links["prev"]);
    }

    [Fact]
    public void A_link_without_rel_is_ignored_and_relative_targets_resolve_against_the_request()
    {
        var links = LinkHeader.Parse("<https://a.example/norel>; title=\"x\", </api/v1/timelines/tag/x?max_id=3>; rel=\"next\"", Base);

        Assert.Single(links);
        Assert.Equal("https://mastodon.example/api/v1/timelines/tag/x?max_id=3", links["next"].ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("<unterminated; rel=\"next\"")]
    [InlineData(";;;,,,<>")]
    [InlineData("rel=\"next\"")]
    public void Garbage_gives_no_links_rather_than_an_error(string header)
    {
        var links = LinkHeader.Parse(header, Base);

        Assert.DoesNotContain("next", links.Keys);
    }
}
