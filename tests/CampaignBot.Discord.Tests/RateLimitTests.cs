using CampaignBot.Discord.Json;
using CampaignBot.Discord.Rest;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

public sealed class RateLimitTests
{
    private static readonly MessageBody Hello = new() { Content = "hello", AllowedMentions = AllowedMentions.None };

    private static string Channel(int i) => (1400000000000000100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Route_bucket_is_learned_from_headers_and_waited_out_without_429s()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        bot.Server.RateLimits.RouteLimit = 2;
        bot.Server.RateLimits.RouteWindow = TimeSpan.FromMilliseconds(400);
        var api = bot.Get<DiscordApi>();

        var started = TimeProvider.System.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.CreateMessageAsync(Channel(0), Hello, TestContext.Current.CancellationToken)));
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.ToString()));
        Assert.Equal(0, bot.Server.TooManyRequests);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(750), $"5 requests at 2 per 400 ms took only {elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Buckets_are_separate_per_channel()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        bot.Server.RateLimits.RouteLimit = 1;
        bot.Server.RateLimits.RouteWindow = TimeSpan.FromSeconds(30);
        var api = bot.Get<DiscordApi>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => api.CreateMessageAsync(Channel(i), Hello, TestContext.Current.CancellationToken)))
            .WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(0, bot.Server.TooManyRequests);
    }

    [Fact]
    public async Task Global_limit_is_respected_without_429s()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        bot.Server.RateLimits.GlobalPerSecond = 50;
        var api = bot.Get<DiscordApi>();

        var started = TimeProvider.System.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, 75).Select(i => api.CreateMessageAsync(Channel(i), Hello, TestContext.Current.CancellationToken)));
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(0, bot.Server.TooManyRequests);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"75 requests at 50/s took {elapsed.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Too_many_requests_is_retried_after_retry_after(bool global)
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        bot.Server.Inject(DiscordHarnessExtensions.CreateMessage, InjectedResponse.RateLimited(0.25, global));
        var api = bot.Get<DiscordApi>();

        var result = await api.CreateMessageAsync(Channel(0), Hello, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        var attempts = bot.Server.RequestsTo(DiscordHarnessExtensions.CreateMessage);
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(TimeProvider.System.GetElapsedTime(attempts[0].Timestamp, attempts[1].Timestamp) >= TimeSpan.FromMilliseconds(240));
        Assert.Single(bot.Server.Messages.Items);
    }

    [Fact]
    public async Task Brief_server_errors_are_retried()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        bot.Server.Inject(DiscordHarnessExtensions.CreateMessage, InjectedResponse.Error(502, 0, "Bad Gateway"));
        var api = bot.Get<DiscordApi>();

        var result = await api.CreateMessageAsync(Channel(0), Hello with { Nonce = "n-1", EnforceNonce = true }, TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        Assert.Equal([502, 200], bot.Server.RequestsTo(DiscordHarnessExtensions.CreateMessage).Select(r => r.Status));
    }

    [Fact]
    public async Task Unreachable_discord_is_a_typed_error_not_an_exception()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10", start: false);
        var api = bot.Get<DiscordApi>();

        var result = await api.CreateMessageAsync(Channel(0), Hello, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Error!.Status);
        Assert.Contains("could not be reached", result.Error.ToError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_stops_all_further_requests()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:Token"] = "revoked-token", start: false);
        var api = bot.Get<DiscordApi>();

        var first = await api.CreateMessageAsync(Channel(0), Hello, TestContext.Current.CancellationToken);
        var second = await api.CreateMessageAsync(Channel(1), Hello, TestContext.Current.CancellationToken);

        Assert.Equal(401, first.Error!.Status);
        Assert.Equal(401, second.Error!.Status);
        Assert.Single(bot.Server.Requests.Items);
        Assert.True(api.Rest.TokenRejected.IsCompleted);
    }

    [Theory]
    [InlineData(403, 50013, "Missing Permissions")]
    [InlineData(404, 10003, "Unknown Channel")]
    public async Task Client_errors_are_typed_and_not_retried(int status, int code, string message)
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        bot.Server.Inject(DiscordHarnessExtensions.CreateMessage, InjectedResponse.Error(status, code, message));
        var api = bot.Get<DiscordApi>();

        var result = await api.CreateMessageAsync(Channel(0), Hello, TestContext.Current.CancellationToken);

        Assert.Equal(status, result.Error!.Status);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(message, result.Error.Message);
        Assert.Single(bot.Server.Requests.Items);
    }
}
