namespace CampaignBot.Mastodon;

/// <summary>The <c>Mastodon</c> configuration section. Setting the instance URL and the access token enables the adapter.</summary>
public sealed class MastodonOptions
{
    public const string Section = "Mastodon";

    /// <summary>The bot account's server, e.g. <c>https://mastodon.example</c>.</summary>
    public string InstanceUrl { get; set; } = string.Empty;

    /// <summary>The bot's user access token (scopes <c>read write:statuses</c>, plus <c>write:favourites</c> if used).</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>Streaming base URL; when empty it comes from <c>GET /api/v2/instance</c>, else the instance URL.</summary>
    public string? StreamingUrl { get; set; }

    /// <summary>Accounts (<c>user@host</c>) allowed organiser commands; local accounts also match by bare username.</summary>
    public IList<string> Organisers { get; } = [];

    /// <summary>Visibility of reminders, digests and announcements: <c>public</c>, <c>unlisted</c> or <c>private</c>.</summary>
    public string Visibility { get; set; } = "public";

    /// <summary>Optional content warning (<c>spoiler_text</c>) on the bot's timeline posts.</summary>
    public string? ContentWarning { get; set; }

    /// <summary><c>auto</c> (WebSocket, then SSE, then polling), <c>websocket</c>, <c>sse</c> or <c>polling</c>.</summary>
    public string Streaming { get; set; } = "auto";

    /// <summary>How often mentions and tags are fetched over REST when there is no stream (and as a safety net when there is).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// While polling because the streaming endpoints refused (401, 404, 5xx…), how often streaming is tried again; it
    /// doubles from <see cref="ReconnectDelay"/> up to this cap.
    /// </summary>
    public TimeSpan StreamingRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait before reconnecting a dropped stream; doubled per failure up to <see cref="MaxReconnectDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the tracked hashtags are re-read to change the stream subscriptions.</summary>
    public TimeSpan TagRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of the per-token request budget (300 per 5 minutes) hashtag polling may use, in percent.</summary>
    public int TagPollBudgetPercent { get; set; } = 50;

    /// <summary>Wait before retrying a 429 or 5xx when the server sent no usable rate-limit headers; doubled per attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest a request waits for a rate-limit reset before giving up with a rate-limited error.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Commands one account may run by mention in an hour (organisers uncounted); 0 for no limit.</summary>
    public int MentionsPerHour { get; set; } = 30;

    internal IReadOnlyList<string> OrganiserAccounts =>
        [.. Organisers.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => v.TrimStart('@')).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>True when both required settings are present (the host enables the adapter on this).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(InstanceUrl) && !string.IsNullOrWhiteSpace(AccessToken);
}
