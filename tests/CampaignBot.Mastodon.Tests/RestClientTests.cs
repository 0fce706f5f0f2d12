using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Testing.Mastodon;

namespace CampaignBot.Mastodon.Tests;

public sealed class RestClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_429_waits_for_the_reset_header_and_then_succeeds()
    {
        await using var bot = await MastodonHarness.CreateAsync(start: false);
        bot.Server.Limits.ApiWindow = TimeSpan.FromMilliseconds(400);
        var api = bot.Get<MastodonApi>();
        Assert.True((await api.GetInstanceAsync(Ct)).IsSuccess);
        bot.Server.InjectTooManyRequests(1, withHeaders: true);

        var result = await api.GetInstanceAsync(Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, bot.Server.TooManyRequests);
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("rate limited", StringComparison.Ordinal) && e.Message.Contains("reset header: True", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_without_headers_backs_off_and_retries()
    {
        await using var bot = await MastodonHarness.CreateAsync(start: false);
        bot.Server.InjectTooManyRequests(2, withHeaders: false);

        var result = await bot.Get<MastodonApi>().GetInstanceAsync(Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, bot.Server.TooManyRequests);
    }

    [Fact]
    public async Task The_client_slows_down_before_the_budget_runs_out_and_never_hits_429()
    {
        await using var bot = await MastodonHarness.CreateAsync(start: false);
        bot.Server.Limits.ApiLimit = 20;
        bot.Server.Limits.ApiWindow = TimeSpan.FromMilliseconds(700);
        var api = bot.Get<MastodonApi>();

        for (var i = 0; i < 50; i++)
        {
            Assert.True((await api.GetInstanceAsync(Ct)).IsSuccess);
        }

        Assert.Equal(0, bot.Server.TooManyRequests);
        Assert.Equal(50, bot.Server.RequestsTo("GET /api/v2/instance").Count);
    }

    [Fact]
    public async Task A_spent_status_budget_far_from_reset_comes_back_as_rate_limited_at_once()
    {
        await using var bot = await MastodonHarness.CreateAsync(start: false, configure: s => s["Mastodon:MaxRateLimitWait"] = "00:00:01");
        bot.Server.Limits.StatusLimit = 1;
        var status = bot.Server.Post("alice", "Boost me #NotSafeNotFair", stream: false);
        var other = bot.Server.Post("carol@social.example", "Me too #NotSafeNotFair", stream: false);
        IReblogClient reblogs = bot.Get<MastodonApi>();

        Assert.Equal(ReblogResult.Boosted, await reblogs.ReblogAsync(status["id"]!.GetValue<string>(), Ct));
        var started = DateTime.UtcNow;
        Assert.Equal(ReblogResult.RateLimited, await reblogs.ReblogAsync(other["id"]!.GetValue<string>(), Ct));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Reblog_of_an_unknown_status_is_refused()
    {
        await using var bot = await MastodonHarness.CreateAsync(start: false);
        Assert.Equal(ReblogResult.Refused, await bot.Get<MastodonApi>().ReblogAsync("113000000000000000", Ct));
    }

    [Fact]
    public async Task Tag_timeline_is_read_forward_across_pages_by_the_link_cursor()
    {
        await using var bot = await MastodonHarness.CreateAsync(start: false);
        var api = bot.Get<MastodonApi>();
        var first = await api.GetTagTimelineAsync("NotSafeNotFair", null, Ct);
        Assert.True(first.IsSuccess);
        Assert.Empty(first.Value.Items);
        var posts = Enumerable.Range(0, 95).Select(i => bot.Server.Post("alice", $"post {i} #NotSafeNotFair", stream: false)["id"]!.GetValue<string>()).ToList();

        var seen = new List<string>();
        string? cursor = posts[0];
        seen.Add(posts[0]);
        while (true)
        {
            var page = await api.GetTagTimelineAsync("notsafenotfair", cursor, Ct);
            Assert.True(page.IsSuccess);
            if (page.Value.Items.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Value.Items.Select(s => s.Id).Reverse());
            cursor = page.Value.PrevMinId;
        }

        Assert.Equal(posts, seen);
    }
}
