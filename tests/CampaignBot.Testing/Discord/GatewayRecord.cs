using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

/// <summary>A payload the bot sent on the fake gateway, with the connection it came on (0-based) and that connection's path.</summary>
public sealed record GatewayRecord(int Connection, string Path, int Op, JsonNode Payload)
{
    public JsonNode? Data => Payload["d"];
}
