using CampaignBot.Core.Background;
using CampaignBot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Discord.Tests;

public sealed class RestBucketTests
{
    private static readonly RestRoute Post = Routes.CreateMessage("1400000000000000001");
    private static readonly RestRoute OtherChannel = Routes.CreateMessage("1400000000000000002");

    private static BackgroundWork Work() => new(TimeProvider.System, NullLogger<BackgroundWork>.Instance);

    private static RateLimitHeaders Headers(int limit, int remaining, double resetAfter, string bucket = "abcd1234") =>
        new(limit, remaining, TimeSpan.FromSeconds(resetAfter), bucket, Global: false, Scope: null, RetryAfter: null);

    [Fact]
    public async Task Unknown_route_lets_one_request_in_flight_until_its_bucket_is_known()
    {
        var limiter = new RestRateLimiter(new FakeTimeProvider(), Work());
        var first = await limiter.AcquireAsync(Post, TestContext.Current.CancellationToken);
        var second = limiter.AcquireAsync(Post, TestContext.Current.CancellationToken).AsTask();
        var otherChannel = limiter.AcquireAsync(OtherChannel, TestContext.Current.CancellationToken).AsTask();

        Assert.False(second.IsCompleted);
        Assert.True(otherChannel.IsCompleted);

        limiter.Complete(first, Headers(5, 4, 5), 200, null);
        var lease = await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("abcd1234:1400000000000000001", lease.BucketKey);
    }

    [Fact]
    public async Task Exhausted_bucket_waits_for_reset_after()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RestRateLimiter(clock, Work());
        limiter.Complete(await limiter.AcquireAsync(Post, TestContext.Current.CancellationToken), Headers(2, 1, 2.5), 200, null);
        limiter.Complete(await limiter.AcquireAsync(Post, TestContext.Current.CancellationToken), Headers(2, 0, 2.4), 200, null);

        var waiting = limiter.AcquireAsync(Post, TestContext.Current.CancellationToken).AsTask();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.6));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Route_429_pauses_the_bucket_for_retry_after()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RestRateLimiter(clock, Work());
        limiter.Complete(await limiter.AcquireAsync(Post, TestContext.Current.CancellationToken), Headers(5, 0, 1) with { Scope = "user" }, 429, TimeSpan.FromSeconds(3));

        var waiting = limiter.AcquireAsync(Post, TestContext.Current.CancellationToken).AsTask();
        clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.2));

        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Global_429_pauses_every_route()
    {
        var clock = new FakeTimeProvider();
        var limiter = new RestRateLimiter(clock, Work());
        var global = new RateLimitHeaders(null, null, null, null, Global: true, Scope: "global", RetryAfter: TimeSpan.FromSeconds(2));
        limiter.Complete(await limiter.AcquireAsync(Post, TestContext.Current.CancellationToken), global, 429, TimeSpan.FromSeconds(2));

        var other = limiter.AcquireAsync(OtherChannel, TestContext.Current.CancellationToken).AsTask();
        Assert.False(other.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2.1));

        await other.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_global_slot_comes_back_a_second_after_its_response_and_the_wait_is_owned()
    {
        var clock = new FakeTimeProvider();
        var work = Work();
        var global = new GlobalRateLimiter(1, work, clock);
        await global.AcquireAsync(TestContext.Current.CancellationToken);

        var responded = clock.GetTimestamp();
        global.Release();
        var next = global.AcquireAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.Equal(1, work.Running);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(next.IsCompleted);

        // Measured from the response, however late the thread pool starts the wait. The fake clock moves on in small
        // steps: the wait may arm its timer just as the clock moves, and a fake timer armed after the last step never fires.
        for (var step = 0; !next.IsCompleted && step < 200; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.InRange(clock.GetElapsedTime(responded), TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(1100));
        await work.StopAsync().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(0, work.Running);
    }

    [Fact]
    public async Task Interaction_callbacks_do_not_use_the_global_limit()
    {
        var limiter = new RestRateLimiter(new FakeTimeProvider(), Work(), globalPerSecond: 1);
        limiter.Complete(await limiter.AcquireAsync(OtherChannel, TestContext.Current.CancellationToken), Headers(50, 49, 1, "other"), 200, null);

        var blocked = limiter.AcquireAsync(Post, TestContext.Current.CancellationToken).AsTask();
        var callback = limiter.AcquireAsync(Routes.InteractionCallback("1300000000000000001", "token"), TestContext.Current.CancellationToken).AsTask();

        Assert.False(blocked.IsCompleted);
        Assert.True(callback.IsCompleted);
        Assert.DoesNotContain("secret-token", Routes.InteractionCallback("1", "secret-token").ToString(), StringComparison.Ordinal);
    }
}
