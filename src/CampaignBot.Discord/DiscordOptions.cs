namespace CampaignBot.Discord;

/// <summary>The <c>Discord</c> configuration section. Setting <see cref="Token"/> enables the adapter.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token from the developer portal, without the "Bot " prefix.</summary>
    public string Token { get; set; } = string.Empty;

    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>Guilds to register commands in (instant); empty registers them globally.</summary>
    public IList<string> GuildIds { get; } = [];

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Gateway URL; when empty it comes from <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Roles whose members may use organiser commands, besides ADMINISTRATOR and MANAGE_EVENTS.</summary>
    public IList<string> OrganiserRoleIds { get; } = [];

    /// <summary>Total shards of the bot across every instance.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>The shards this instance runs; empty runs all of them.</summary>
    public IList<int> ShardIds { get; } = [];

    /// <summary>Channel where personal reminders go, mentioning the person, when their DMs are closed.</summary>
    public string? FallbackChannelId { get; set; }

    /// <summary>A role pinged by reminders and announcements in subscribed channels (never @everyone).</summary>
    public string? AnnouncementRoleId { get; set; }

    /// <summary>How long a command may run before the reply is deferred (type 5), well inside Discord's 3 s.</summary>
    public int DeferAfterMilliseconds { get; set; } = 1500;

    /// <summary>The application's Ed25519 public key (hex, from the portal); enables <c>/discord/interactions</c>.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Register slash commands at start-up (only when their definitions changed).</summary>
    public bool RegisterCommands { get; set; } = true;

    /// <summary>Mirror upcoming actions as native Guild Scheduled Events (the server's Events tab).</summary>
    public bool ScheduledEvents { get; set; } = true;

    internal IReadOnlyList<string> Guilds => Split(GuildIds);

    internal IReadOnlyList<string> OrganiserRoles => Split(OrganiserRoleIds);

    internal IReadOnlyList<int> Shards => ShardIds.Count > 0 ? [.. ShardIds.Distinct().Order()] : [.. Enumerable.Range(0, Math.Max(1, ShardCount))];

    // Environment variables often carry lists as "1,2,3" in one value; accept that as well as indexed keys.
    private static string[] Split(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
