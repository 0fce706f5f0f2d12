using System.Text.Json;

namespace CampaignBot.Discord.Gateway;

/// <summary>A dispatch handed off the read loop: its event name, its own copy of <c>d</c>, and when it arrived.</summary>
internal sealed record GatewayDispatch(string Type, JsonElement Data, long ReceivedAt, int ShardId);
