using CampaignBot.Core.Mentions;

namespace CampaignBot.Storage.Tests;

// The Mastodon mention and post ledgers: one claim per status, even when callers race; replies kept until answered.
public abstract partial class CampaignStoreContract
{
    [Fact]
    public async Task A_status_is_claimed_once_even_when_callers_race()
    {
        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(() => new SqlMentionLedger(Handle.DataSource).TryClaimAsync("https://snac.example/p/1", "1a2b", "{}", Now, Ct), Ct));

        var won = await Task.WhenAll(attempts);

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task A_saved_reply_is_pending_across_a_restart_until_answered()
    {
        var ledger = new SqlMentionLedger(Handle.DataSource);
        Assert.True(await ledger.TryClaimAsync("https://a.example/s/1", "1", "{}", Now, Ct));
        Assert.True(await ledger.TryClaimAsync("https://a.example/s/2", "2", "{}", Now, Ct));
        await ledger.SaveReplyAsync("https://a.example/s/1", "{\"parts\":1}", Now.AddSeconds(1), Ct);

        await ReopenAsync();
        ledger = new SqlMentionLedger(Handle.DataSource);

        Assert.Equal([new PendingMentionReply("https://a.example/s/1", "1", "{\"parts\":1}")], await ledger.ListUnansweredAsync(10, Ct));
        await ledger.MarkAnsweredAsync("https://a.example/s/1", Now.AddSeconds(2), Ct);
        Assert.Empty(await ledger.ListUnansweredAsync(10, Ct));
        Assert.False(await ledger.TryClaimAsync("https://a.example/s/1", "1", "{}", Now.AddSeconds(3), Ct));
    }

    [Fact]
    public async Task Handled_statuses_are_forgotten_after_the_window_but_pending_replies_are_kept()
    {
        var ledger = new SqlMentionLedger(Handle.DataSource);
        await ledger.TryClaimAsync("old-answered", "1", "{}", Now.AddDays(-40), Ct);
        await ledger.TryClaimAsync("old-pending", "2", "{}", Now.AddDays(-40), Ct);
        await ledger.SaveReplyAsync("old-pending", "{}", Now.AddDays(-40), Ct);
        await ledger.TryClaimAsync("recent", "3", "{}", Now, Ct);

        Assert.Equal(1, await ledger.ForgetAsync(Now.AddDays(-30), Ct));

        Assert.True(await ledger.TryClaimAsync("old-answered", "1", "{}", Now, Ct));
        Assert.False(await ledger.TryClaimAsync("recent", "3", "{}", Now, Ct));
        Assert.Single(await ledger.ListUnansweredAsync(10, Ct));
    }

    [Fact]
    public async Task A_post_begun_twice_is_uncertain_until_marked_posted()
    {
        var ledger = new SqlPostLedger(Handle.DataSource);

        Assert.Null(await ledger.BeginAsync("reminder:1:0:mastodon", Now, Ct));
        Assert.Equal(new PostAttempt(null, Now), await ledger.BeginAsync("reminder:1:0:mastodon", Now.AddMinutes(1), Ct));
        await ledger.MarkPostedAsync("reminder:1:0:mastodon", "AB12", Now.AddMinutes(1), Ct);
        await ReopenAsync();

        Assert.Equal(new PostAttempt("AB12", Now), await new SqlPostLedger(Handle.DataSource).BeginAsync("reminder:1:0:mastodon", Now.AddMinutes(2), Ct));
        Assert.Equal(1, await new SqlPostLedger(Handle.DataSource).ForgetAsync(Now.AddSeconds(1), Ct));
        Assert.Null(await new SqlPostLedger(Handle.DataSource).BeginAsync("reminder:1:0:mastodon", Now.AddMinutes(3), Ct));
    }

    [Fact]
    public async Task A_claim_left_running_becomes_its_interrupted_reply_once_stale()
    {
        var ledger = new SqlMentionLedger(Handle.DataSource);
        await ledger.TryClaimAsync("cut-off", "1", "{\"notice\":1}", Now.AddMinutes(-30), Ct);
        await ledger.TryClaimAsync("still-running", "2", "{\"notice\":2}", Now, Ct);
        await ledger.TryClaimAsync("answered", "3", "{\"notice\":3}", Now.AddMinutes(-30), Ct);
        await ledger.SaveReplyAsync("answered", "{\"reply\":3}", Now.AddMinutes(-29), Ct);
        await ledger.MarkAnsweredAsync("answered", Now.AddMinutes(-29), Ct);

        Assert.Equal(1, await ledger.ReviveStaleAsync(Now.AddMinutes(-10), Now, Ct));

        Assert.Equal([new PendingMentionReply("cut-off", "1", "{\"notice\":1}")], await ledger.ListUnansweredAsync(10, Ct));
        Assert.Equal(0, await ledger.ReviveStaleAsync(Now.AddMinutes(-10), Now, Ct));
    }
}
