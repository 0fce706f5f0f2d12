using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord;

/// <summary>The adapter's log lines. Tokens (bot and interaction) never appear in them.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Discord shard {Shard}: connecting to {Url} to {Mode}")]
    public static partial void Connecting(ILogger logger, int shard, string url, string mode);

    [LoggerMessage(2, LogLevel.Information, "Discord shard {Shard}/{ShardCount}: identifying with intents {Intents}")]
    public static partial void Identifying(ILogger logger, int shard, int shardCount, int intents);

    [LoggerMessage(3, LogLevel.Information, "Discord shard {Shard}: ready as {User} in {Guilds} guild(s)")]
    public static partial void Ready(ILogger logger, int shard, string user, int guilds);

    [LoggerMessage(4, LogLevel.Information, "Discord shard {Shard}: resumed at sequence {Sequence}")]
    public static partial void Resumed(ILogger logger, int shard, long sequence);

    [LoggerMessage(5, LogLevel.Warning, "Discord shard {Shard}: {Reason}; will {Mode} in {DelayMs:0} ms")]
    public static partial void Reconnecting(ILogger logger, int shard, string reason, string mode, double delayMs);

    [LoggerMessage(6, LogLevel.Warning, "Discord shard {Shard}: no heartbeat ACK since the last beat; dropping the zombie connection to resume")]
    public static partial void Zombie(ILogger logger, int shard);

    [LoggerMessage(7, LogLevel.Warning, "Discord shard {Shard}: invalid session (resumable: {Resumable})")]
    public static partial void InvalidSession(ILogger logger, int shard, bool resumable);

    [LoggerMessage(8, LogLevel.Warning, "Discord shard {Shard}: skipped a malformed gateway payload: {Problem}")]
    public static partial void MalformedFrame(ILogger logger, int shard, string problem);

    [LoggerMessage(9, LogLevel.Critical, "Discord adapter stopped: {Reason}. The rest of the bot keeps running; fix the setting and restart to bring Discord back.")]
    public static partial void AdapterStopped(ILogger logger, string reason);

    [LoggerMessage(10, LogLevel.Error, "Discord adapter crashed")]
    public static partial void AdapterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Discord identify budget used up; waiting {Wait} for it to reset")]
    public static partial void IdentifyBudgetExhausted(ILogger logger, TimeSpan wait);

    [LoggerMessage(12, LogLevel.Warning, "Discord recommends {Recommended} shards; Discord:ShardCount is {Configured}")]
    public static partial void MoreShardsRecommended(ILogger logger, int recommended, int configured);

    [LoggerMessage(20, LogLevel.Warning, "Discord rate limited {Route}: retrying after {RetryAfter:0.###} s (scope {Scope})")]
    public static partial void RestRateLimited(ILogger logger, string route, double retryAfter, string scope);

    [LoggerMessage(21, LogLevel.Warning, "Discord {Route}: {Problem}; retrying")]
    public static partial void RestRetrying(ILogger logger, string route, string problem);

    [LoggerMessage(22, LogLevel.Warning, "Discord {Route} failed: HTTP {Status}, code {Code}: {Message}")]
    public static partial void RestFailed(ILogger logger, string route, int status, int code, string message);

    [LoggerMessage(23, LogLevel.Critical, "Discord answered 401 Unauthorized: Discord:Token is wrong or was reset; no further requests will be made with it")]
    public static partial void TokenRejected(ILogger logger);

    [LoggerMessage(24, LogLevel.Warning, "Discord {Route}: unreadable response: {Problem}")]
    public static partial void MalformedResponse(ILogger logger, string route, string problem);

    [LoggerMessage(30, LogLevel.Information, "Discord commands registered: {Count} command(s) in {Scope}")]
    public static partial void CommandsRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(31, LogLevel.Information, "Discord commands unchanged in {Scope}; not registering again")]
    public static partial void CommandsUnchanged(ILogger logger, string scope);

    [LoggerMessage(32, LogLevel.Error, "Discord command registration failed in {Scope}: {Problem}")]
    public static partial void CommandsFailed(ILogger logger, string scope, string problem);

    [LoggerMessage(40, LogLevel.Warning, "Discord skipped a malformed interaction: {Problem}")]
    public static partial void MalformedInteraction(ILogger logger, string problem);

    [LoggerMessage(41, LogLevel.Warning, "Discord delivered interaction {InteractionId} again; skipped it (its command already ran)")]
    public static partial void DuplicateInteraction(ILogger logger, string interactionId);

    [LoggerMessage(42, LogLevel.Warning, "Discord interaction response ({Step}) failed: {Problem}")]
    public static partial void InteractionResponseFailed(ILogger logger, string step, string problem);

    [LoggerMessage(43, LogLevel.Warning, "Discord interaction {Command} answered {ElapsedMs:0} ms after receipt, close to the 3 s deadline")]
    public static partial void InteractionSlow(ILogger logger, string command, double elapsedMs);

    [LoggerMessage(50, LogLevel.Warning, "Discord user {UserId} has closed DMs: {Action}")]
    public static partial void DmClosed(ILogger logger, string userId, string action);

    [LoggerMessage(51, LogLevel.Warning, "Discord post to channel {ChannelId} failed: {Problem}")]
    public static partial void SendFailed(ILogger logger, string channelId, string problem);

    [LoggerMessage(52, LogLevel.Information, "Discord commands removed from {Scope}, which is no longer configured")]
    public static partial void CommandsCleared(ILogger logger, string scope);

    [LoggerMessage(53, LogLevel.Warning, "Discord message to {DestinationId} renders to {Parts} posts; only the first {MaxParts} are sent, the last saying what was left out")]
    public static partial void MessageCut(ILogger logger, string destinationId, int parts, int maxParts);

    [LoggerMessage(54, LogLevel.Warning, "Discord refused to manage scheduled events in guild {GuildId}: {Reason}. Actions are no longer mirrored to the Events tab until restart; grant Create Events and Manage Events")]
    public static partial void ScheduledEventsRefused(ILogger logger, string guildId, string reason);

    [LoggerMessage(55, LogLevel.Warning, "Mirroring event {EventId} to guild {GuildId} failed: {Reason}")]
    public static partial void ScheduledEventFailed(ILogger logger, long eventId, string guildId, string reason);

    [LoggerMessage(56, LogLevel.Warning, "Unreadable {Type} dispatch: no guild_id, guild_scheduled_event_id or user_id")]
    public static partial void MalformedInterest(ILogger logger, string type);

    [LoggerMessage(57, LogLevel.Error, "Handling {Type} failed")]
    public static partial void InterestFailed(ILogger logger, Exception exception, string type);

    [LoggerMessage(58, LogLevel.Warning, "Scheduled event {ScheduledEventId} made in Discord was not imported: {Reason}")]
    public static partial void ImportRefused(ILogger logger, string scheduledEventId, string reason);

    [LoggerMessage(59, LogLevel.Error, "Shard {ShardId}: the heartbeat or IDENTIFY beside the read loop failed")]
    public static partial void ConnectionTaskFailed(ILogger logger, Exception exception, int shardId);

    [LoggerMessage(90, LogLevel.Warning, "Discord HTTP interaction refused with 401: {Reason}")]
    public static partial void InteractionRejected(ILogger logger, string reason);
}
