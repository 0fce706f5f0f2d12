using System.Collections.Concurrent;
using System.Net;
using CampaignBot.Testing.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Testing.Discord;

/// <summary>
/// Discord on 127.0.0.1 for tests: the REST routes the bot uses and a gateway WebSocket. It enforces rate limits with
/// real headers, the 2000-character content limit and explicit allowed_mentions; validates every JSON body against
/// the operation's schema in the reference <c>discord/openapi.json</c> (a violation is answered 400 and fails the
/// test at dispose); and can inject op 7, op 9, withheld ACKs, close codes and canned REST answers.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const string ApplicationId = "1100000000000000001";
    public const string GuildId = "1200000000000000001";

    private readonly WebApplication _app;
    private readonly OpenApiContract? _contract;
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly FakeRateLimiter _limiter;

    private FakeDiscordServer(WebApplication app, OpenApiContract? contract)
    {
        _app = app;
        _contract = contract;
        _limiter = new FakeRateLimiter(RateLimits, TimeProvider.System);
    }

    public string Token { get; } = "fake-bot-token.for-tests-only";

    public Uri BaseUrl { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseUrl, "api/v10").ToString();

    public string GatewayUrl => $"ws://{BaseUrl.Authority}/gateway";

    public string ResumeUrl => $"ws://{BaseUrl.Authority}/resume";

    /// <summary>Whether bodies are checked against the reference spec (false only where the reference is absent).</summary>
    public bool ContractChecked => _contract is not null;

    public FakeRateLimits RateLimits { get; } = new();

    public int TooManyRequests => _limiter.TooManyRequests;

    public IReadOnlyList<string> Violations => [.. _violations];

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var contract = ReferenceDirectory.Path is not null || Environment.GetEnvironmentVariable(ReferenceDirectory.RequireVariable) == "1"
            ? await OpenApiContract.LoadAsync("discord/openapi.json").ConfigureAwait(false)
            : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeDiscordServer(app, contract);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Returns the violations so far and forgets them (for tests of the fake itself).</summary>
    public IReadOnlyList<string> TakeViolations()
    {
        var taken = new List<string>();
        while (_violations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }

        return taken;
    }

    /// <summary>Fails the test when any request broke the contract.</summary>
    public void AssertNoViolations()
    {
        if (!_violations.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException($"The fake Discord saw requests that break Discord's contract:\n{string.Join('\n', _violations)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets.Values)
        {
            socket.Abort();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        AssertNoViolations();
    }

    private Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.WebSockets.IsWebSocketRequest ? AcceptGatewayAsync(context) : HandleRestAsync(context);

    private void Violation(string message) => _violations.Enqueue(message);
}
