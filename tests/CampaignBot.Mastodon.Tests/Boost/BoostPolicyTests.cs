using CampaignBot.Core.Boosting;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using static CampaignBot.Mastodon.Tests.Boost.Posts;

namespace CampaignBot.Mastodon.Tests.Boost;

// Each consent rule, with a post it lets through and one it stops.
public sealed class BoostPolicyTests
{
    private static readonly string[] Tracked = ["NotSafeNotFair", "LoveYourNHS"];

    private static BoostSkipReason? Check(MastodonStatus status, BoostOptions? options = null) =>
        new BoostPolicy(options ?? new BoostOptions()).Check(status, Me, Tracked, Now);

    private static MastodonStatus By(MastodonAccount author) => Tagged("1", author);

    [Fact]
    public void A_public_post_with_a_tracked_tag_by_a_consenting_person_is_boosted() =>
        Assert.Null(Check(Tagged("1")));

    [Theory]
    [InlineData("private")]
    [InlineData("direct")]
    [InlineData("unlisted")]
    public void Posts_that_are_not_public_are_skipped(string visibility) =>
        Assert.Equal(BoostSkipReason.NotPublic, Check(Tagged("1") with { Visibility = visibility }));

    [Fact]
    public void Unlisted_posts_are_boosted_when_allowed_but_private_ones_still_not()
    {
        var options = new BoostOptions { AllowUnlisted = true };

        Assert.Null(Check(Tagged("1") with { Visibility = "unlisted" }, options));
        Assert.Equal(BoostSkipReason.NotPublic, Check(Tagged("1") with { Visibility = "private" }, options));
    }

    [Fact]
    public void The_bots_own_posts_are_skipped_by_account_id() =>
        Assert.Equal(BoostSkipReason.OwnPost, Check(By(Author("someone-else") with { Id = Bot.Id })));

    [Theory]
    [InlineData("campaignbot")]
    [InlineData("CampaignBot@mastodon.example")]
    [InlineData("campaignbot@mastodon.example:443")]
    public void The_bots_own_posts_are_skipped_by_acct_whatever_the_id(string acct) =>
        Assert.Equal(BoostSkipReason.OwnPost, Check(By(Author(acct, id: "9f2c4e7a1b3d5f60718293a4b5c6d7e8f9"))));

    [Fact]
    public void A_namesake_on_another_server_is_not_the_bot() =>
        Assert.Null(Check(By(Author("campaignbot@other.example"))));

    [Fact]
    public void A_post_the_server_says_the_bot_boosted_already_is_skipped()
    {
        Assert.Equal(BoostSkipReason.AlreadyBoosted, Check(Tagged("1") with { Reblogged = true }));
        Assert.Null(Check(Tagged("1") with { Reblogged = null }));
    }

    [Fact]
    public void Automated_accounts_are_skipped() =>
        Assert.Equal(BoostSkipReason.BotAccount, Check(By(Author() with { Bot = true })));

    [Theory]
    [InlineData("<p>Please no bots <a href=\"https://x.example/tags/nobot\" class=\"mention hashtag\" rel=\"tag\">#<span>nobot</span></a></p>")]
    [InlineData("<p>#NoBoost please</p>")]
    [InlineData("<p>ask first&nbsp;&#35;NOBOT</p>")]
    public void Authors_with_nobot_or_noboost_in_their_bio_are_skipped(string note) =>
        Assert.Equal(BoostSkipReason.OptedOut, Check(By(Author() with { Note = note })));

    [Fact]
    public void Authors_with_nobot_in_a_profile_field_name_or_value_are_skipped()
    {
        Assert.Equal(BoostSkipReason.OptedOut, Check(By(Author() with { Fields = [new MastodonField { Name = "Bots", Value = "<p><a href=\"#\">#<span>NoBoost</span></a></p>" }] })));
        Assert.Equal(BoostSkipReason.OptedOut, Check(By(Author() with { Fields = [new MastodonField { Name = "#nobot", Value = "thanks" }] })));
    }

    [Theory]
    [InlineData("<p>I fix robots #nobots4me</p>")]
    [InlineData("<p>nobot here, no hashtag</p>")]
    [InlineData("<p>#boost welcome</p>")]
    public void Words_that_only_look_like_the_opt_out_tag_do_not_opt_out(string note) =>
        Assert.Null(Check(By(Author() with { Note = note })));

    [Fact]
    public void Authors_who_opted_out_of_discovery_or_indexing_are_skipped()
    {
        Assert.Equal(BoostSkipReason.NotDiscoverable, Check(By(Author() with { Discoverable = false })));
        Assert.Equal(BoostSkipReason.NotDiscoverable, Check(By(Author() with { Indexable = false })));
        Assert.Equal(BoostSkipReason.NotDiscoverable, Check(By(Author() with { Noindex = true })));
    }

    [Fact]
    public void Servers_that_say_nothing_about_discovery_do_not_block_a_boost() =>
        Assert.Null(Check(By(Author() with { Discoverable = null, Indexable = null, Noindex = null })));

    [Fact]
    public void Blocked_accounts_are_skipped_however_they_are_written()
    {
        var options = new BoostOptions { BlockedAccounts = ["@Dana@Union.example", "troll"] };

        Assert.Equal(BoostSkipReason.BlockedAccount, Check(By(Author("dana@union.example")), options));
        Assert.Equal(BoostSkipReason.BlockedAccount, Check(By(Author("dana@union.example:8443")), options));
        Assert.Equal(BoostSkipReason.BlockedAccount, Check(By(Author("troll")), options));
        Assert.Null(Check(By(Author("troll@elsewhere.example")), options));
        Assert.Null(Check(By(Author("fran@union.example")), options));
    }

    [Fact]
    public void Blocked_domains_and_their_subdomains_are_skipped()
    {
        var options = new BoostOptions { BlockedDomains = ["spam.example", "Local.Mastodon.example"] };

        Assert.Equal(BoostSkipReason.BlockedDomain, Check(By(Author("a@spam.example")), options));
        Assert.Equal(BoostSkipReason.BlockedDomain, Check(By(Author("a@eu.spam.example:8443")), options));
        Assert.Null(Check(By(Author("a@notspam.example")), options));
        Assert.Null(Check(By(Author("a")), options));
    }

    [Fact]
    public void A_local_author_is_on_the_bots_own_server_for_domain_blocks() =>
        Assert.Equal(BoostSkipReason.BlockedDomain, Check(By(Author("rosa")), new BoostOptions { BlockedDomains = ["mastodon.example"] }));

    [Fact]
    public void The_tracked_tag_must_be_in_the_tags_list_in_any_case()
    {
        Assert.Null(Check(Tagged("1", tags: "LOVEYOURNHS")));
        // The hashtag is in the HTML, but the server's structured tags are what count.
        Assert.Equal(BoostSkipReason.NoTrackedTag, Check(Tagged("1", tags: "strike")));
        Assert.Equal(BoostSkipReason.NoTrackedTag, Check(Tagged("1") with { Tags = [] }));
    }

    [Fact]
    public void Sensitive_and_content_warned_posts_are_skipped_only_when_configured()
    {
        var skip = new BoostOptions { SkipSensitive = true };

        Assert.Null(Check(Tagged("1") with { Sensitive = true, SpoilerText = "strike details" }));
        Assert.Equal(BoostSkipReason.Sensitive, Check(Tagged("1") with { Sensitive = true }, skip));
        Assert.Equal(BoostSkipReason.Sensitive, Check(Tagged("1") with { SpoilerText = "injury" }, skip));
        Assert.Null(Check(Tagged("1"), skip));
    }

    [Fact]
    public void Posts_older_than_the_maximum_age_are_skipped()
    {
        var options = new BoostOptions { MaxAge = TimeSpan.FromHours(2) };

        Assert.Null(Check(Tagged("1", age: TimeSpan.FromHours(2)), options));
        Assert.Equal(BoostSkipReason.TooOld, Check(Tagged("1", age: TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1)), options));
    }

    [Fact]
    public void Caps_stop_an_author_first_then_the_hour()
    {
        var policy = new BoostPolicy(new BoostOptions { PerHour = 5, PerAuthorPerDay = 2 });

        Assert.Null(policy.CheckCaps(boostsLastHour: 4, authorBoostsLastDay: 1));
        Assert.Equal(BoostSkipReason.AuthorCap, policy.CheckCaps(4, 2));
        Assert.Equal(BoostSkipReason.HourlyCap, policy.CheckCaps(5, 0));
    }
}
