using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CampaignBot.Testing.Contracts;
using CampaignBot.Testing.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Testing.Mastodon;

/// <summary>
/// Mastodon on 127.0.0.1 for tests: the REST routes the bot uses, the WebSocket and SSE streaming endpoints (frames
/// shaped like the captured fixtures), rate-limit headers and injected 429s, switches that drop or remove streaming,
/// and a quirky mode that behaves like other servers speaking the API (32-character hex ids that don't sort by age, reblog answering the
/// original with <c>reblogged: true</c>, 422 for a bad token, no rate-limit headers, no Link headers, local handles
/// with <c>@host:port</c>). Query parameters and JSON bodies are checked against the reference
/// <c>mastodon/mastodon-openapi.json</c> where it is present; a violation fails the test at dispose.
/// </summary>
public sealed partial class FakeMastodonServer : IAsyncDisposable
{
    public const string BotId = "109876543210000001";
    public const string BotUsername = "campaignbot";
    public const string Domain = "mastodon.example";

    private readonly WebApplication _app;
    private readonly FakeMastodonContract? _contract;
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly FakeMastodonRateLimiter _limiter;
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _statuses = [];
    private readonly List<JsonObject> _notifications = [];
    private readonly Dictionary<string, JsonObject> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _sequence = new(StringComparer.Ordinal);
    private long _nextId = 113600000000000000;

    private FakeMastodonServer(WebApplication app, FakeMastodonContract? contract, bool quirky)
    {
        _app = app;
        _contract = contract;
        Quirky = quirky;
        _limiter = new FakeMastodonRateLimiter(Limits, () => Clock);
    }

    public string Token { get; } = "fake-mastodon-token-for-tests-only";

    public Uri BaseUrl { get; private set; } = null!;

    public string InstanceUrl => BaseUrl.ToString().TrimEnd('/');

    /// <summary>Behaves like other servers that speak the Mastodon API (see the class summary).</summary>
    public bool Quirky { get; }

    public FakeMastodonStreaming Streaming { get; set; } = FakeMastodonStreaming.WebSocketAndSse;

    /// <summary>Behaviours of other servers (see <see cref="FakeMastodonBehaviour.Snac"/>), switchable at any time.</summary>
    public FakeMastodonBehaviour Behaviour { get; set; } = new();

    public int MaxCharacters { get; set; } = 500;

    public FakeMastodonLimits Limits { get; } = new();

    /// <summary>The clock rate limits and new statuses use (a fake one in benchmarks of simulated time).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How often SSE streams send the <c>:thump</c> heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool ContractChecked => _contract is not null;

    public int TooManyRequests => _limiter.TooManyRequests;

    /// <summary>The highest share of the 5-minute API budget used in any window.</summary>
    public double PeakApiUse => _limiter.PeakApiUse;

    public EventLog<FakeMastodonRequest> Requests { get; } = new();

    /// <summary>Statuses the bot posted (a retried idempotency key is not a second post).</summary>
    public EventLog<FakeMastodonPost> Posts { get; } = new();

    /// <summary>Ids of the statuses the bot boosted, in order (repeats included).</summary>
    public EventLog<string> Reblogs { get; } = new();

    public IReadOnlyList<string> Violations => [.. _violations];

    public JsonObject Bot => _accounts[BotId];

    /// <summary>Where local accounts live, as their handles show it (quirky servers add the port).</summary>
    public string LocalHost => Quirky ? BaseUrl.Authority : Domain;

    public static async Task<FakeMastodonServer> StartAsync(bool quirky = false)
    {
        var contract = ReferenceDirectory.Path is not null || Environment.GetEnvironmentVariable(ReferenceDirectory.RequireVariable) == "1"
            ? await FakeMastodonContract.LoadAsync().ConfigureAwait(false)
            : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeMastodonServer(app, contract, quirky);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        var bot = FakeMastodonEntities.Account(quirky ? server.NextId() : BotId, BotUsername, quirky ? $"{BotUsername}@{server.BaseUrl.Authority}" : BotUsername, Domain, bot: true);
        server._accounts[BotId] = bot;
        if (quirky)
        {
            server._accounts[bot["id"]!.GetValue<string>()] = bot;
        }

        return server;
    }

    /// <summary>The bot's id as this server gives it (hex on a quirky server).</summary>
    public string BotAccountId => Bot["id"]!.GetValue<string>();

    /// <summary>An account on this server (<c>alice</c>) or elsewhere (<c>bob@other.example</c>).</summary>
    public JsonObject Account(string handle, bool bot = false, string note = "", bool discoverable = true)
    {
        lock (_lock)
        {
            var existing = _accounts.Values.FirstOrDefault(a => a["acct"]!.GetValue<string>().Equals(LocalAcct(handle), StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                return existing;
            }

            var username = handle.Split('@')[0];
            var account = FakeMastodonEntities.Account(NextId(), username, LocalAcct(handle), Domain, bot, note, discoverable);
            _accounts[account["id"]!.GetValue<string>()] = account;
            return account;
        }
    }

    /// <summary>
    /// <paramref name="from"/> posts <c>@campaignbot {command}</c>: a status plus a mention notification, pushed to the
    /// user stream. Returns the notification id.
    /// </summary>
    /// <remarks><paramref name="postedEarlier"/> dates the status back (a post that reached the server late, as after federation delays).</remarks>
    /// <remarks><paramref name="shape"/> reshapes the notification before it is stored and streamed (a server's quirk, or a broken payload).</remarks>
    public string Mention(string from, string command, string visibility = "public", bool bot = false, string? rawHtml = null, TimeSpan postedEarlier = default, Action<JsonObject>? shape = null)
    {
        var author = Account(from, bot);
        JsonObject notification;
        lock (_lock)
        {
            var botAcct = Bot["acct"]!.GetValue<string>();
            var mentions = Behaviour.MentionsWithoutBot ? [] : new[] { (BotAccountId, BotUsername, botAcct) };
            var text = Behaviour.MentionsWithoutBot ? $"@{BotUsername}@{BaseUrl.Authority} {command}" : $"@{BotUsername} {command}";
            var status = FakeMastodonEntities.Status(NextId(), author, text, visibility, Clock.GetUtcNow() - postedEarlier, Domain, mentions: mentions);
            if (Behaviour.MentionsWithoutBot)
            {
                // snac's markup: the bot's profile URL in an h-card link, and position ids in mentions[] (here: nobody else).
                status["content"] = $"<p><span class=\"h-card\"><a href=\"{Bot["url"]}\" class=\"u-url mention\">@{BotUsername}@{BaseUrl.Authority}</a></span> {System.Net.WebUtility.HtmlEncode(command)}</p>";
            }

            if (rawHtml is not null)
            {
                status["content"] = rawHtml;
            }

            _statuses.Add(status);
            notification = new JsonObject
            {
                ["id"] = NextId(),
                ["type"] = "mention",
                ["group_key"] = null,
                ["created_at"] = FakeMastodonEntities.Timestamp(Clock.GetUtcNow()),
                ["account"] = author.DeepClone(),
                ["status"] = status.DeepClone(),
            };
            notification["group_key"] = $"ungrouped-{notification["id"]}";
            var id = notification["id"]!.GetValue<string>();
            shape?.Invoke(notification);
            notification["id"] = id;
            _notifications.Add(notification);
        }

        Broadcast("user", null, "notification", notification.ToJsonString());
        if (Behaviour.DuplicateNotifications)
        {
            Renotify(notification["id"]!.GetValue<string>());
        }

        return notification["id"]!.GetValue<string>();
    }

    /// <summary>The status notification <paramref name="notificationId"/> is about (a copy).</summary>
    public JsonObject StatusOf(string notificationId)
    {
        lock (_lock)
        {
            return (JsonObject)_notifications.Single(n => n["id"]!.GetValue<string>() == notificationId)["status"]!.DeepClone();
        }
    }

    /// <summary>Notifies the status of notification <paramref name="notificationId"/> again, under a new notification id (a delivery retry).</summary>
    public string Renotify(string notificationId)
    {
        JsonObject again;
        lock (_lock)
        {
            var earlier = _notifications.Single(n => n["id"]!.GetValue<string>() == notificationId);
            again = (JsonObject)earlier.DeepClone();
            again["id"] = NextId();
            again["group_key"] = $"ungrouped-{again["id"]}";
            _notifications.Add(again);
        }

        Broadcast("user", null, "notification", again.ToJsonString());
        return again["id"]!.GetValue<string>();
    }

    /// <summary>
    /// A mention notification whose status is a boost (by <paramref name="from"/>) of the status of notification
    /// <paramref name="notificationId"/>, its ids upper-cased as snac's boost wrappers have them. Returns the notification id.
    /// </summary>
    public string NotifyBoostOf(string notificationId, string from)
    {
        var booster = Account(from);
        JsonObject notification;
        lock (_lock)
        {
            var original = (JsonObject)_notifications.Single(n => n["id"]!.GetValue<string>() == notificationId)["status"]!.DeepClone();
            original["id"] = original["id"]!.GetValue<string>().ToUpperInvariant();
            var wrapper = FakeMastodonEntities.Status(NextId(), booster, string.Empty, "public", Clock.GetUtcNow(), Domain);
            wrapper["content"] = string.Empty;
            wrapper["reblog"] = original;
            notification = new JsonObject
            {
                ["id"] = NextId(),
                ["type"] = "mention",
                ["created_at"] = wrapper["created_at"]!.DeepClone(),
                ["account"] = booster.DeepClone(),
                ["status"] = wrapper,
            };
            _notifications.Add(notification);
        }

        Broadcast("user", null, "notification", notification.ToJsonString());
        return notification["id"]!.GetValue<string>();
    }

    /// <summary><paramref name="from"/> posts <paramref name="text"/> (its <c>#tags</c> marked up); pushed to matching hashtag streams. Returns the status.</summary>
    public JsonObject Post(string from, string text, string visibility = "public", bool bot = false, string note = "", bool stream = true)
    {
        var author = Account(from, bot, note);
        JsonObject status;
        lock (_lock)
        {
            status = FakeMastodonEntities.Status(NextId(), author, text, visibility, Clock.GetUtcNow(), Domain);
        }

        return Add(status, stream);
    }

    /// <summary>Adds a prepared status (e.g. a fixture) with a fresh id; pushed to matching hashtag streams unless <paramref name="stream"/> is false.</summary>
    public JsonObject Add(JsonObject status, bool stream = true, bool newId = true)
    {
        lock (_lock)
        {
            if (newId)
            {
                status["id"] = NextId();
            }
            else
            {
                _sequence.TryAdd(status["id"]!.GetValue<string>(), Interlocked.Increment(ref _nextId));
            }

            _statuses.Add(status);
        }

        if (stream && status["visibility"]?.GetValue<string>() is "public" or "unlisted")
        {
            foreach (var tag in status["tags"]?.AsArray() ?? [])
            {
                Broadcast("hashtag", tag!["name"]!.GetValue<string>(), "update", status.ToJsonString());
            }
        }

        return status;
    }

    /// <summary>Adds many statuses without streaming them (benchmarks).</summary>
    public void AddQuietly(IEnumerable<JsonObject> statuses)
    {
        lock (_lock)
        {
            foreach (var status in statuses)
            {
                status["id"] = NextId();
                _statuses.Add(status);
            }
        }
    }

    /// <summary>
    /// A fresh id. Mastodon's are numeric strings that grow with time; a quirky server's are 32-character hex strings
    /// that don't sort by age at all (as with random or hashed ids), so a client that orders ids is caught out.
    /// </summary>
    public string NextId()
    {
        var sequence = Interlocked.Increment(ref _nextId);
        var id = Quirky
            ? Scramble(sequence).ToString("x16", CultureInfo.InvariantCulture) + sequence.ToString("x16", CultureInfo.InvariantCulture)
            : sequence.ToString(CultureInfo.InvariantCulture);
        _sequence[id] = sequence;
        return id;
    }

    // SplitMix64's finaliser: the leading half of a quirky id, so neither lexical nor numeric order says which is newer.
    private static ulong Scramble(long value)
    {
        var z = unchecked((ulong)value + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Where an id stands in the order things happened on this server (ids it never issued come first).</summary>
    private long Sequence(string id) => _sequence.TryGetValue(id, out var sequence) ? sequence : long.MinValue;

    /// <summary>Answers the next <paramref name="count"/> REST requests with 429, with or without rate-limit headers.</summary>
    public void InjectTooManyRequests(int count, bool withHeaders = true) => _limiter.Inject(count, withHeaders);

    public IReadOnlyList<FakeMastodonRequest> RequestsTo(string route) => [.. Requests.Items.Where(r => r.Route == route)];

    public IReadOnlyList<string> TakeViolations()
    {
        var taken = new List<string>();
        while (_violations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }

        return taken;
    }

    public void AssertNoViolations()
    {
        if (!_violations.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException($"The fake Mastodon saw requests that break Mastodon's contract:\n{string.Join('\n', _violations)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        DropStreams();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        AssertNoViolations();
    }

    private string LocalAcct(string handle)
    {
        var at = handle.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && !handle[(at + 1)..].Equals(Domain, StringComparison.OrdinalIgnoreCase))
        {
            return handle;
        }

        var username = at < 0 ? handle : handle[..at];
        return Quirky ? $"{username}@{BaseUrl.Authority}" : username;
    }

    private Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/v1/streaming", StringComparison.Ordinal) && !context.Request.Path.Equals("/api/v1/streaming/health")
            ? HandleStreamingAsync(context)
            : HandleRestAsync(context);

    private void Violation(string message) => _violations.Enqueue(message);
}
