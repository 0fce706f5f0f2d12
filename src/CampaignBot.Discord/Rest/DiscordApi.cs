using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Adapters;
using CampaignBot.Discord.Json;

namespace CampaignBot.Discord.Rest;

/// <summary>The Discord endpoints the bot calls, typed.</summary>
internal sealed class DiscordApi(DiscordRestClient rest)
{
    public DiscordRestClient Rest => rest;

    public Task<ApiResult<GatewayBotInfo, DiscordApiError>> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        rest.SendAsync(Routes.GatewayBot(), DiscordJsonContext.Default.GatewayBotInfo, cancellationToken);

    public Task<ApiResult<IdOnly, DiscordApiError>> CreateMessageAsync(string channelId, MessageBody message, CancellationToken cancellationToken) =>
        rest.SendAsync(Routes.CreateMessage(channelId), message, DiscordJsonContext.Default.MessageBody, DiscordJsonContext.Default.IdOnly, cancellationToken);

    public Task<ApiResult<bool, DiscordApiError>> EditMessageAsync(string channelId, string messageId, MessageBody message, CancellationToken cancellationToken) =>
        SendAsync(Routes.EditMessage(channelId, messageId), JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.MessageBody), cancellationToken);

    public Task<ApiResult<IReadOnlyList<ScheduledEventInfo>, DiscordApiError>> ListScheduledEventsAsync(string guildId, CancellationToken cancellationToken) =>
        rest.SendAsync(Routes.ListScheduledEvents(guildId), DiscordJsonContext.Default.IReadOnlyListScheduledEventInfo, cancellationToken);

    public Task<ApiResult<ScheduledEventInfo, DiscordApiError>> CreateScheduledEventAsync(string guildId, ScheduledEventBody body, CancellationToken cancellationToken) =>
        rest.SendAsync(Routes.CreateScheduledEvent(guildId), body, DiscordJsonContext.Default.ScheduledEventBody, DiscordJsonContext.Default.ScheduledEventInfo, cancellationToken);

    public Task<ApiResult<ScheduledEventInfo, DiscordApiError>> ModifyScheduledEventAsync(string guildId, string scheduledEventId, ScheduledEventBody body, CancellationToken cancellationToken) =>
        rest.SendAsync(Routes.ModifyScheduledEvent(guildId, scheduledEventId), body, DiscordJsonContext.Default.ScheduledEventBody, DiscordJsonContext.Default.ScheduledEventInfo, cancellationToken);

    /// <summary>One page (up to 100, ids ascending) of the members Interested in a scheduled event, after <paramref name="after"/>.</summary>
    public Task<ApiResult<IReadOnlyList<ScheduledEventUser>, DiscordApiError>> ListScheduledEventUsersAsync(string guildId, string scheduledEventId, string? after, CancellationToken cancellationToken) =>
        rest.SendAsync(Routes.ListScheduledEventUsers(guildId, scheduledEventId, after), DiscordJsonContext.Default.IReadOnlyListScheduledEventUser, cancellationToken);

    public Task<ApiResult<IdOnly, DiscordApiError>> CreateDmAsync(string userId, CancellationToken cancellationToken) =>
        rest.SendAsync(Routes.CreateDm(), new CreateDmBody(userId), DiscordJsonContext.Default.CreateDmBody, DiscordJsonContext.Default.IdOnly, cancellationToken);

    public async Task<ApiResult<bool, DiscordApiError>> OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken)
    {
        var route = guildId is null ? Routes.BulkOverwriteGlobalCommands(applicationId) : Routes.BulkOverwriteGuildCommands(applicationId, guildId);
        var result = await rest.SendAsync(route, JsonBytes.Of(commands), cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? ApiResult<bool, DiscordApiError>.Ok(true) : result.Error;
    }

    public Task<ApiResult<bool, DiscordApiError>> RespondAsync(string interactionId, string token, InteractionCallback callback, CancellationToken cancellationToken) =>
        SendAsync(Routes.InteractionCallback(interactionId, token), JsonSerializer.SerializeToUtf8Bytes(callback, DiscordJsonContext.Default.InteractionCallback), cancellationToken);

    public Task<ApiResult<bool, DiscordApiError>> RespondAsync(string interactionId, string token, AutocompleteCallback callback, CancellationToken cancellationToken) =>
        SendAsync(Routes.InteractionCallback(interactionId, token), JsonSerializer.SerializeToUtf8Bytes(callback, DiscordJsonContext.Default.AutocompleteCallback), cancellationToken);

    public Task<ApiResult<bool, DiscordApiError>> EditOriginalAsync(string applicationId, string token, MessageBody message, CancellationToken cancellationToken) =>
        SendAsync(Routes.EditOriginal(applicationId, token), JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.MessageBody), cancellationToken);

    public Task<ApiResult<bool, DiscordApiError>> DeleteOriginalAsync(string applicationId, string token, CancellationToken cancellationToken) =>
        SendAsync(Routes.DeleteOriginal(applicationId, token), null, cancellationToken);

    public Task<ApiResult<bool, DiscordApiError>> CreateFollowupAsync(string applicationId, string token, MessageBody message, CancellationToken cancellationToken) =>
        SendAsync(Routes.CreateFollowup(applicationId, token), JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.MessageBody), cancellationToken);

    private async Task<ApiResult<bool, DiscordApiError>> SendAsync(RestRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        var result = await rest.SendAsync(route, body, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? ApiResult<bool, DiscordApiError>.Ok(true) : result.Error;
    }
}
