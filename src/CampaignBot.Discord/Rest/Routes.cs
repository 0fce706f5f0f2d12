namespace CampaignBot.Discord.Rest;

/// <summary>The REST routes the bot uses.</summary>
internal static class Routes
{
    public static RestRoute GatewayBot() => new(HttpMethod.Get, "/gateway/bot", "gateway/bot", string.Empty);

    public static RestRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", $"channels/{channelId}/messages", channelId);

    public static RestRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", $"channels/{channelId}/messages/{messageId}", channelId);

    public static RestRoute ListScheduledEvents(string guildId) =>
        new(HttpMethod.Get, "/guilds/{guild_id}/scheduled-events", $"guilds/{guildId}/scheduled-events", guildId);

    public static RestRoute CreateScheduledEvent(string guildId) =>
        new(HttpMethod.Post, "/guilds/{guild_id}/scheduled-events", $"guilds/{guildId}/scheduled-events", guildId);

    public static RestRoute ModifyScheduledEvent(string guildId, string scheduledEventId) =>
        new(HttpMethod.Patch, "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}", $"guilds/{guildId}/scheduled-events/{scheduledEventId}", guildId);

    public static RestRoute ListScheduledEventUsers(string guildId, string scheduledEventId, string? after) =>
        new(HttpMethod.Get, "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/users",
            $"guilds/{guildId}/scheduled-events/{scheduledEventId}/users?limit=100{(after is null ? string.Empty : $"&after={after}")}", guildId);

    public static RestRoute CreateDm() => new(HttpMethod.Post, "/users/@me/channels", "users/@me/channels", string.Empty);

    public static RestRoute BulkOverwriteGlobalCommands(string applicationId) =>
        new(HttpMethod.Put, "/applications/{application_id}/commands", $"applications/{applicationId}/commands", applicationId);

    public static RestRoute BulkOverwriteGuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", $"applications/{applicationId}/guilds/{guildId}/commands", guildId);

    public static RestRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", $"interactions/{interactionId}/{token}/callback", interactionId, Authenticated: false);

    public static RestRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, "/webhooks/{webhook_id}/{webhook_token}/messages/@original", $"webhooks/{applicationId}/{token}/messages/@original", $"{applicationId}/{token}", Authenticated: false);

    public static RestRoute DeleteOriginal(string applicationId, string token) =>
        new(HttpMethod.Delete, "/webhooks/{webhook_id}/{webhook_token}/messages/@original", $"webhooks/{applicationId}/{token}/messages/@original", $"{applicationId}/{token}", Authenticated: false);

    public static RestRoute CreateFollowup(string applicationId, string token) =>
        new(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", $"webhooks/{applicationId}/{token}", $"{applicationId}/{token}", Authenticated: false);
}
