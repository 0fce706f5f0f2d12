using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Rendering;
using CampaignBot.Discord.Rest;

namespace CampaignBot.Discord.Delivery;

/// <summary>Rewrites an event card in place (<c>PATCH /channels/{id}/messages/{id}</c>), buttons included.</summary>
internal sealed class DiscordMessageEditor(DiscordApi api) : IMessageEditor
{
    public Platform Platform => Platform.Discord;

    public async Task<Result<bool>> EditAsync(Destination channel, string messageId, Reply content, CancellationToken cancellationToken)
    {
        if (channel.Platform != Platform.Discord || !Snowflake.IsValid(channel.Id) || !Snowflake.IsValid(messageId))
        {
            return Error.BadInput($"{channel} / {messageId} is not a Discord message.");
        }

        // Edits name their allowed mentions too: an edit that adds a mention would otherwise ping with the defaults.
        var body = MessageRenderer.RenderOne(content) with { AllowedMentions = AllowedMentions.None, Components = content.Actions is { } actions ? CardButtons.For(actions) : [] };
        var edited = await api.EditMessageAsync(channel.Id, messageId, body, cancellationToken).ConfigureAwait(false);
        return edited.IsSuccess ? true : edited.Error.ToError();
    }
}
