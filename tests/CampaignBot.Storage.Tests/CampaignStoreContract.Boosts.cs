using CampaignBot.Core.Boosting;

namespace CampaignBot.Storage.Tests;

// The boost ledger: the first decision about a post wins, even when callers race; only waiting boosts move on.
public abstract partial class CampaignStoreContract
{
    private SqlBoostLedger Ledger() => new(Handle.DataSource);

    private static BoostDecision Claim(string key, string author = "alice@mastodon.example", int minutes = 0) =>
        BoostDecision.Boost(key, "id-" + key, author, Now.AddMinutes(minutes - 5), Now.AddMinutes(minutes));

    private static BoostDecision Skip(string key, BoostSkipReason reason, string author = "alice@mastodon.example") =>
        BoostDecision.Skip(key, "id-" + key, author, reason, Now.AddMinutes(-5), Now);

    [Fact]
    public async Task The_first_boost_decision_about_a_post_wins_and_reads_back()
    {
        var ledger = Ledger();

        Assert.True(await ledger.TryDecideAsync(Claim("https://a.example/1"), Ct));
        Assert.False(await ledger.TryDecideAsync(Skip("https://a.example/1", BoostSkipReason.Paused), Ct));

        var record = await ledger.FindAsync("https://a.example/1", Ct);
        Assert.Equal(
            new BoostRecord("https://a.example/1", "id-https://a.example/1", "alice@mastodon.example", BoostState.Boosting, null, 0, Now.AddMinutes(-5), Now, Now, null),
            record);
        Assert.Null(await ledger.FindAsync("https://a.example/2", Ct));
    }

    [Fact]
    public async Task Racing_first_decisions_let_exactly_one_caller_through()
    {
        // Separate ledgers share nothing in memory, like a stream reader and a poller (or two processes).
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => Ledger().TryDecideAsync(
            i % 2 == 0 ? Claim("https://a.example/race") : Skip("https://a.example/race", BoostSkipReason.HourlyCap), Ct), Ct));

        var won = await Task.WhenAll(attempts);

        Assert.Single(won, w => w);
        Assert.NotNull(await Ledger().FindAsync("https://a.example/race", Ct));
    }

    [Fact]
    public async Task Every_skip_reason_is_kept_and_survives_a_restart()
    {
        foreach (var reason in Enum.GetValues<BoostSkipReason>())
        {
            Assert.True(await Ledger().TryDecideAsync(Skip($"https://a.example/{reason}", reason), Ct));
        }

        await ReopenAsync();

        foreach (var reason in Enum.GetValues<BoostSkipReason>())
        {
            var record = await Ledger().FindAsync($"https://a.example/{reason}", Ct);
            Assert.Equal((BoostState.Skipped, reason), (record!.State, record.Reason));
        }

        var summary = await Ledger().SummariseAsync(Ct);
        Assert.Equal(Enum.GetValues<BoostSkipReason>().Length, summary[BoostState.Skipped]);
        Assert.All(Enum.GetValues<BoostSkipReason>(), reason => Assert.Equal(1, summary.SkippedBy[reason]));
    }

    [Fact]
    public async Task An_outcome_moves_a_claim_once_and_a_confirmed_boost_stays_boosted()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Claim("k"), Ct);

        await ledger.RecordOutcomeAsync("k", new BoostOutcome(BoostState.Boosted, Now.AddSeconds(1), Attempted: true), Ct);
        await ledger.RecordOutcomeAsync("k", new BoostOutcome(BoostState.Failed, Now.AddSeconds(2), Attempted: true, "late echo"), Ct);

        var record = await ledger.FindAsync("k", Ct);
        Assert.Equal((BoostState.Boosted, 1, Now.AddSeconds(1), (string?)null), (record!.State, record.Attempts, record.UpdatedAt, record.LastError));
    }

    [Fact]
    public async Task A_skip_is_final()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Skip("k", BoostSkipReason.BotAccount), Ct);

        await ledger.RecordOutcomeAsync("k", new BoostOutcome(BoostState.Boosted, Now, Attempted: true), Ct);

        Assert.False(await ledger.TryReclaimAsync("k", Now.AddHours(1), Now, Ct));
        Assert.Equal(BoostState.Skipped, (await ledger.FindAsync("k", Ct))!.State);
    }

    [Fact]
    public async Task Failed_and_rate_limited_boosts_wait_for_retry_with_their_error_and_attempts()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Claim("limited", minutes: 1), Ct);
        await ledger.TryDecideAsync(Claim("failed", minutes: 0), Ct);
        await ledger.TryDecideAsync(Claim("fresh", minutes: 2), Ct);
        await ledger.TryDecideAsync(Claim("done", minutes: -1), Ct);
        await ledger.RecordOutcomeAsync("limited", new BoostOutcome(BoostState.RateLimited, Now.AddMinutes(3), Attempted: false, "held back"), Ct);
        await ledger.RecordOutcomeAsync("failed", new BoostOutcome(BoostState.Failed, Now.AddMinutes(3), Attempted: true, "502"), Ct);
        await ledger.RecordOutcomeAsync("done", new BoostOutcome(BoostState.Boosted, Now.AddMinutes(3), Attempted: true), Ct);

        // "fresh" was claimed at Now+2min: a live request, not a crash, as long as claims since Now+1min count as fresh.
        var waiting = await ledger.ListAwaitingRetryAsync(Now.AddMinutes(1), 10, Ct);

        Assert.Equal(["failed", "limited"], waiting.Select(r => r.StatusKey));
        Assert.Equal([(1, "502"), (0, "held back")], waiting.Select(r => (r.Attempts, r.LastError)));
        Assert.Equal(["failed", "limited", "fresh"], (await ledger.ListAwaitingRetryAsync(Now.AddMinutes(5), 10, Ct)).Select(r => r.StatusKey));
        Assert.Equal(["failed"], (await ledger.ListAwaitingRetryAsync(Now.AddMinutes(5), 1, Ct)).Select(r => r.StatusKey));
    }

    [Fact]
    public async Task A_stale_claim_is_reclaimed_by_one_caller_and_a_fresh_one_by_none()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Claim("crashed"), Ct);

        Assert.False(await ledger.TryReclaimAsync("crashed", staleBefore: Now, Now.AddMinutes(1), Ct));

        var racers = Enumerable.Range(0, 6).Select(_ => Task.Run(() => Ledger().TryReclaimAsync("crashed", Now.AddMinutes(2), Now.AddMinutes(3), Ct), Ct));
        Assert.Single(await Task.WhenAll(racers), won => won);
        var record = await ledger.FindAsync("crashed", Ct);
        Assert.Equal((BoostState.Boosting, Now.AddMinutes(3)), (record!.State, record.UpdatedAt));
    }

    [Fact]
    public async Task Caps_count_boosts_decided_in_the_window_overall_and_per_author_but_not_skips_or_refusals()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Claim("old", minutes: -90), Ct);
        await ledger.TryDecideAsync(Claim("a1", minutes: -30), Ct);
        await ledger.TryDecideAsync(Claim("a2", minutes: -20), Ct);
        await ledger.TryDecideAsync(Claim("b1", "bob@other.example", minutes: -10), Ct);
        await ledger.TryDecideAsync(Claim("refused", minutes: -5), Ct);
        await ledger.TryDecideAsync(Skip("skipped", BoostSkipReason.OptedOut), Ct);
        await ledger.RecordOutcomeAsync("a1", new BoostOutcome(BoostState.Boosted, Now, Attempted: true), Ct);
        await ledger.RecordOutcomeAsync("a2", new BoostOutcome(BoostState.Failed, Now, Attempted: true, "timeout"), Ct);
        await ledger.RecordOutcomeAsync("refused", new BoostOutcome(BoostState.Refused, Now, Attempted: true), Ct);

        Assert.Equal((3, 3), await CountAsync(Now.AddHours(-1), "alice@mastodon.example", Now.AddDays(-1)));
        Assert.Equal((4, 2), await CountAsync(Now.AddDays(-1), "alice@mastodon.example", Now.AddHours(-1)));
        Assert.Equal((3, 1), await CountAsync(Now.AddHours(-1), "bob@other.example", Now.AddHours(-1)));
        Assert.Equal((3, 0), await CountAsync(Now.AddHours(-1), "carol@x.example", Now.AddDays(-1)));

        async Task<(int Total, int Author)> CountAsync(DateTimeOffset since, string author, DateTimeOffset authorSince)
        {
            var counts = await ledger.CountBoostsAsync(since, [author], authorSince, Ct);
            return (counts.Total, counts.ByAuthor.GetValueOrDefault(author));
        }
    }

    [Fact]
    public async Task A_batch_asks_which_posts_are_decided_in_one_go()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Claim("https://a.example/claimed"), Ct);
        await ledger.TryDecideAsync(Skip("https://a.example/skipped", BoostSkipReason.BotAccount), Ct);

        string[] keys = ["https://a.example/claimed", "https://a.example/skipped", "https://a.example/new", "https://a.example/new"];
        var decided = await ledger.FindDecidedAsync([.. keys.Select(key => new PostKey(key, Now.AddMinutes(-5)))], Ct);

        Assert.Equal(["https://a.example/claimed", "https://a.example/skipped"], decided.Order());
        Assert.Empty(await ledger.FindDecidedAsync([], Ct));
    }

    [Fact]
    public async Task Old_skips_are_forgotten_in_chunks_and_boosts_and_recent_skips_are_kept()
    {
        var ledger = Ledger();
        var old = Enumerable.Range(0, 5003).Select(i => BoostDecision.Skip($"https://a.example/old/{i}", $"o{i}", "alice@mastodon.example", BoostSkipReason.HourlyCap, Now.AddDays(-9), Now.AddDays(-2))).ToList();
        await ledger.TrySkipAllAsync(old, Ct);
        await ledger.TrySkipAllAsync([BoostDecision.Skip("https://a.example/recent-decision", "r", "alice@mastodon.example", BoostSkipReason.TooOld, Now.AddDays(-9), Now.AddHours(-2))], Ct);
        await ledger.TrySkipAllAsync([BoostDecision.Skip("https://a.example/recent-post", "p", "alice@mastodon.example", BoostSkipReason.BotAccount, Now.AddDays(-1), Now.AddDays(-2))], Ct);
        Assert.True(await ledger.TryDecideAsync(BoostDecision.Boost("https://a.example/old-boost", "b", "alice@mastodon.example", Now.AddDays(-9), Now.AddDays(-2)), Ct));

        Assert.Equal(5003, await ledger.ForgetSkipsAsync(Now.AddDays(-8), Now.AddDays(-1), Ct));

        var summary = await ledger.SummariseAsync(Ct);
        Assert.Equal(2, summary[BoostState.Skipped]);
        Assert.Equal(1, summary[BoostState.Boosting]);
        Assert.Null(await ledger.FindAsync("https://a.example/old/42", Ct));
        Assert.Equal(0, await ledger.ForgetSkipsAsync(Now.AddDays(-8), Now.AddDays(-1), Ct));
    }

    [Fact]
    public async Task A_decision_is_found_by_the_key_and_posting_time_of_its_post()
    {
        var ledger = Ledger();
        await ledger.TrySkipAllAsync([Skip("https://a.example/1", BoostSkipReason.BotAccount)], Ct);

        Assert.Single(await ledger.FindDecidedAsync([new PostKey("https://a.example/1", Now.AddMinutes(-5))], Ct));
        Assert.Empty(await ledger.FindDecidedAsync([new PostKey("https://a.example/1", Now.AddMinutes(-4))], Ct));
        Assert.Equal(BoostState.Skipped, (await ledger.FindAsync("https://a.example/1", Ct))!.State);
    }

    [Fact]
    public async Task A_batch_of_skips_keeps_every_earlier_decision_and_the_first_of_duplicates()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Claim("https://a.example/claimed"), Ct);

        await ledger.TrySkipAllAsync(
        [
            Skip("https://a.example/claimed", BoostSkipReason.Paused),
            Skip("https://a.example/bot", BoostSkipReason.BotAccount),
            Skip("https://a.example/twice", BoostSkipReason.TooOld),
            Skip("https://a.example/twice", BoostSkipReason.OptedOut),
        ], Ct);
        await ledger.TrySkipAllAsync([], Ct);
        await ReopenAsync();

        var reread = Ledger();
        Assert.Equal(BoostState.Boosting, (await reread.FindAsync("https://a.example/claimed", Ct))!.State);
        Assert.Equal((BoostState.Skipped, BoostSkipReason.BotAccount), Reason(await reread.FindAsync("https://a.example/bot", Ct)));
        Assert.Equal((BoostState.Skipped, BoostSkipReason.TooOld), Reason(await reread.FindAsync("https://a.example/twice", Ct)));
        Assert.Equal(3, (await reread.SummariseAsync(Ct)).ByState.Values.Sum());
    }

    [Fact]
    public async Task Caps_for_several_authors_are_counted_in_one_round_trip()
    {
        var ledger = Ledger();
        await ledger.TryDecideAsync(Claim("old", minutes: -90), Ct);
        await ledger.TryDecideAsync(Claim("a1", minutes: -30), Ct);
        await ledger.TryDecideAsync(Claim("a2", minutes: -20), Ct);
        await ledger.TryDecideAsync(Claim("b1", "bob@other.example", minutes: -10), Ct);
        await ledger.TryDecideAsync(Skip("skipped", BoostSkipReason.OptedOut, "carol@x.example"), Ct);

        var counts = await ledger.CountBoostsAsync(Now.AddHours(-1), ["alice@mastodon.example", "bob@other.example", "carol@x.example"], Now.AddDays(-1), Ct);

        Assert.Equal(3, counts.Total);
        Assert.Equal(3, counts.ByAuthor.GetValueOrDefault("alice@mastodon.example"));
        Assert.Equal(1, counts.ByAuthor.GetValueOrDefault("bob@other.example"));
        Assert.Equal(0, counts.ByAuthor.GetValueOrDefault("carol@x.example"));
    }

    private static (BoostState, BoostSkipReason?) Reason(BoostRecord? record) => (record!.State, record.Reason);

    [Fact]
    public async Task The_summary_counts_states_and_reasons_and_names_the_latest_boost()
    {
        var ledger = Ledger();
        Assert.Null((await ledger.SummariseAsync(Ct)).LastBoosted);
        await ledger.TryDecideAsync(Claim("first"), Ct);
        await ledger.TryDecideAsync(Claim("second"), Ct);
        await ledger.TryDecideAsync(Claim("waiting"), Ct);
        await ledger.TryDecideAsync(Skip("s1", BoostSkipReason.BotAccount), Ct);
        await ledger.TryDecideAsync(Skip("s2", BoostSkipReason.BotAccount), Ct);
        await ledger.TryDecideAsync(Skip("s3", BoostSkipReason.TooOld), Ct);
        await ledger.RecordOutcomeAsync("second", new BoostOutcome(BoostState.Boosted, Now.AddMinutes(2), Attempted: true), Ct);
        await ledger.RecordOutcomeAsync("first", new BoostOutcome(BoostState.Boosted, Now.AddMinutes(1), Attempted: true), Ct);

        var summary = await ledger.SummariseAsync(Ct);

        Assert.Equal((2, 3, 1), (summary[BoostState.Boosted], summary[BoostState.Skipped], summary[BoostState.Boosting]));
        Assert.Equal(new Dictionary<BoostSkipReason, int> { [BoostSkipReason.BotAccount] = 2, [BoostSkipReason.TooOld] = 1 }, summary.SkippedBy);
        Assert.Equal("second", summary.LastBoosted?.StatusKey);
    }
}
