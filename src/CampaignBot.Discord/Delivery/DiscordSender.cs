using System.Collections.Concurrent;
using CampaignBot.Adapters;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Rendering;
using CampaignBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.Delivery;

/// <summary>
/// Posts reminders, cancellations, digests and announcements. Every post names its allowed mentions (never
/// everyone; the configured role, when set, in channels), carries a nonce from the idempotency key with
/// <c>enforce_nonce</c>, and is split to fit Discord's limits. Direct destinations go by DM; when someone's DMs are
/// closed the message goes to <c>Discord:FallbackChannelId</c> mentioning them, and says why.
/// </summary>
internal sealed class DiscordSender(DiscordApi api, IOptions<DiscordOptions> options, ILogger<DiscordSender> logger) : IChatSender
{
    private const int MaxParts = 20;

    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    private readonly DiscordOptions _options = options.Value;

    public Platform Platform => Platform.Discord;

    public async Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Destination.Platform != Platform.Discord || !Snowflake.IsValid(message.Destination.Id))
        {
            return Error.BadInput($"{message.Destination} is not a Discord channel or user.");
        }

        var parts = Capped(MessageRenderer.RenderAll(message.Content).ToList(), message.Destination.Id);
        if (!message.Destination.Direct)
        {
            return ToResult(await PostAsync(message.Destination.Id, message.IdempotencyKey, ChannelMentions(parts), cancellationToken).ConfigureAwait(false));
        }

        var dm = await DmChannelAsync(message.Destination.Id, cancellationToken).ConfigureAwait(false);
        var sent = dm.IsSuccess
            ? await PostAsync(dm.Value, message.IdempotencyKey, [.. parts.Select(p => p with { AllowedMentions = AllowedMentions.None })], cancellationToken).ConfigureAwait(false)
            : dm.Error;
        return sent.Error?.Is(DiscordErrorCodes.CannotMessageUser) == true
            ? await FallbackAsync(message, parts, cancellationToken).ConfigureAwait(false)
            : ToResult(sent);
    }

    // At most MaxParts posts per message: the last says how much was left out rather than cutting it silently.
    private List<MessageBody> Capped(List<MessageBody> parts, string destinationId)
    {
        if (parts.Count <= MaxParts)
        {
            return parts;
        }

        var left = parts.Count - (MaxParts - 1);
        Log.MessageCut(logger, destinationId, parts.Count, MaxParts);
        return [.. parts.Take(MaxParts - 1), new MessageBody { Content = $"… and {left} more parts not posted: this message is longer than the {MaxParts} posts the bot sends at once." }];
    }

    private static Result<SentMessage> ToResult(ApiResult<string, DiscordApiError> sent) =>
        sent.IsSuccess ? new SentMessage(sent.Value) : sent.Error.ToError();

    private async Task<Result<SentMessage>> FallbackAsync(OutboundMessage message, IReadOnlyList<MessageBody> parts, CancellationToken cancellationToken)
    {
        var userId = message.Destination.Id;
        if (_options.FallbackChannelId is not { Length: > 0 } fallback)
        {
            Log.DmClosed(logger, userId, "no Discord:FallbackChannelId is set");
            return Error.Unavailable("That person doesn't accept direct messages from the bot.", "Set Discord:FallbackChannelId to mention them in a channel instead.");
        }

        Log.DmClosed(logger, userId, $"mentioning them in channel {fallback}");
        var notice = $"<@{userId}> your direct messages are closed to this bot, so here is your message:";
        var mentions = new AllowedMentions([], Users: [userId]);
        var withNotice = parts.Select((part, i) => i == 0 ? part with { Content = Prefix(notice, part.Content) } : part).Select(p => p with { AllowedMentions = mentions }).ToList();
        return ToResult(await PostAsync(fallback, $"{message.IdempotencyKey}:fallback", withNotice, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ApiResult<string, DiscordApiError>> PostAsync(string channelId, string key, IReadOnlyList<MessageBody> parts, CancellationToken cancellationToken)
    {
        string? firstId = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var body = parts[i] with { Nonce = Nonce.For(key, i), EnforceNonce = true };
            var result = await api.CreateMessageAsync(channelId, body, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                Log.SendFailed(logger, channelId, result.Error.ToString());
                return result.Error;
            }

            firstId ??= result.Value.Id;
        }

        return ApiResult<string, DiscordApiError>.Ok(firstId ?? string.Empty);
    }

    private IReadOnlyList<MessageBody> ChannelMentions(IReadOnlyList<MessageBody> parts)
    {
        if (_options.AnnouncementRoleId is not { Length: > 0 } role)
        {
            return [.. parts.Select(p => p with { AllowedMentions = AllowedMentions.None })];
        }

        var mentions = new AllowedMentions([], Roles: [role]);
        return [.. parts.Select((part, i) => (i == 0 ? part with { Content = Prefix($"<@&{role}>", part.Content) } : part) with { AllowedMentions = mentions })];
    }

    private static string Prefix(string prefix, string? content) =>
        content is { Length: > 0 } text ? TextChunks.Truncate($"{prefix}\n{text}", MessageRenderer.ContentLimit) : prefix;

    private async Task<ApiResult<string, DiscordApiError>> DmChannelAsync(string userId, CancellationToken cancellationToken)
    {
        if (_dmChannels.TryGetValue(userId, out var cached))
        {
            return ApiResult<string, DiscordApiError>.Ok(cached);
        }

        var created = await api.CreateDmAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        _dmChannels[userId] = created.Value.Id;
        return ApiResult<string, DiscordApiError>.Ok(created.Value.Id);
    }
}
