using CampaignBot.Adapters;
using CampaignBot.Discord.Gateway;
using CampaignBot.Discord.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Discord.Tests;

public sealed class GatewayPacingTests
{
    [Fact]
    public async Task Send_limit_keeps_room_for_heartbeats_and_waits_out_the_window()
    {
        var clock = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(120, TimeSpan.FromSeconds(60), clock);
        for (var i = 0; i < 115; i++)
        {
            await limiter.WaitAsync(heartbeat: false, TestContext.Current.CancellationToken);
        }

        var blocked = limiter.WaitAsync(heartbeat: false, TestContext.Current.CancellationToken).AsTask();
        for (var i = 0; i < 5; i++)
        {
            await limiter.WaitAsync(heartbeat: true, TestContext.Current.CancellationToken);
        }

        var heartbeatBlocked = limiter.WaitAsync(heartbeat: true, TestContext.Current.CancellationToken).AsTask();
        Assert.False(blocked.IsCompleted);
        Assert.False(heartbeatBlocked.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(60));
        await Task.WhenAll(blocked, heartbeatBlocked).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Identify_waits_for_the_daily_budget_to_reset_instead_of_spending_past_it()
    {
        var clock = new FakeTimeProvider();
        var gate = new IdentifyGate(new GatewayTimings(), clock, NullLogger<IdentifyGate>.Instance);
        gate.Configure(new SessionStartLimit(1000, 0, ResetAfter: 60_000, MaxConcurrency: 1));

        var identify = gate.WaitTurnAsync(0, TestContext.Current.CancellationToken);
        Assert.False(identify.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(60));
        await identify.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Identifies_in_one_concurrency_bucket_are_five_seconds_apart()
    {
        var clock = new FakeTimeProvider();
        var gate = new IdentifyGate(new GatewayTimings(), clock, NullLogger<IdentifyGate>.Instance);
        gate.Configure(new SessionStartLimit(1000, 1000, ResetAfter: 0, MaxConcurrency: 2));

        await gate.WaitTurnAsync(0, TestContext.Current.CancellationToken);
        await gate.WaitTurnAsync(1, TestContext.Current.CancellationToken);
        var second = gate.WaitTurnAsync(2, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(5));
        await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(997, gate.Remaining);
    }

    [Fact]
    public void Reconnect_backoff_grows_with_jitter_up_to_the_cap_and_resets()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next()).ToList();

        Assert.InRange(delays[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(delays[3], TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromSeconds(60)));
        Assert.InRange(delays[^1], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

        backoff.Reset();
        Assert.True(backoff.Next() <= TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(4004, "Fatal")]
    [InlineData(4010, "Fatal")]
    [InlineData(4011, "Fatal")]
    [InlineData(4012, "Fatal")]
    [InlineData(4013, "Fatal")]
    [InlineData(4014, "Fatal")]
    [InlineData(4007, "NewSession")]
    [InlineData(4009, "NewSession")]
    [InlineData(4000, "Resume")]
    [InlineData(4008, "Resume")]
    [InlineData(1006, "Resume")]
    [InlineData(null, "Resume")]
    public void Close_codes_are_classified_as_in_discords_table(int? code, string action) =>
        Assert.Equal(action, GatewayCloseCodes.Classify(code).ToString());
}
