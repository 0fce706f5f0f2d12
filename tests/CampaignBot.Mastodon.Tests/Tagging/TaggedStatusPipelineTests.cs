using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Tagging;

namespace CampaignBot.Mastodon.Tests.Tagging;

// Every way a tagged post arrives goes through one pipeline that counts it and shows it to auto-boost, keyed the same way.
public sealed class TaggedStatusPipelineTests
{
    private const string Cursor = MastodonSettingKeys.TagCursorPrefix + "notsafenotfair";
    private static readonly string[] Tags = ["NotSafeNotFair"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_post_the_hashtag_poll_job_finds_is_counted_and_boosted_by_the_adapter_itself()
    {
        await using var bot = await MastodonHarness.CreateAsync(s =>
        {
            s["Mastodon:Boost:Enabled"] = "true";
            s["Mastodon:TagPollBudgetPercent"] = "90";
        });
        await bot.ListeningAsync();
        await MastodonHarness.EventuallyAsync(async () => !string.IsNullOrEmpty(await bot.Store.GetSettingAsync(Cursor, Ct)), "the backfill's cursor");
        var post = bot.Server.Post("alice", "Rally at six #NotSafeNotFair", stream: false);
        var source = bot.Get<IHashtagSource>();

        IReadOnlyList<HashtagMention> found = [];
        await MastodonHarness.EventuallyAsync(async () => (found = await source.PollAsync(Tags, Ct)).Count > 0, "the job's poll finding the post");

        // The job records what it gets back as well; here nothing does, and the post is counted all the same.
        await MastodonHarness.EventuallyAsync(async () => await bot.CountAsync("NotSafeNotFair") == 1, "the post counted");
        await bot.Server.Reblogs.WaitAsync(id => id == post["id"]!.GetValue<string>(), TimeSpan.FromSeconds(10), "its reblog");
        Assert.Equal(post["uri"]!.GetValue<string>(), Assert.Single(found).Uri);
    }

    [Fact]
    public void A_post_is_keyed_by_its_uri_and_by_its_id_only_where_the_server_gives_no_uri()
    {
        var account = new MastodonAccount { Id = "1", Acct = "alice" };
        var withUri = new MastodonStatus { Id = "7", Uri = "https://social.example/users/alice/statuses/7", Url = "https://social.example/@alice/7", Account = account };
        var withoutUri = withUri with { Uri = "" };

        Assert.Equal("https://social.example/users/alice/statuses/7", StatusKey.Of(withUri));
        Assert.Equal("7", StatusKey.Of(withoutUri));
    }
}
