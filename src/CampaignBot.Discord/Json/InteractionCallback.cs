namespace CampaignBot.Discord.Json;

/// <summary>An interaction response with a message (type 4) or a deferral (type 5).</summary>
internal sealed record InteractionCallback(int Type, MessageBody? Data = null);
