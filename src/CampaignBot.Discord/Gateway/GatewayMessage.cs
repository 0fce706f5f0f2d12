namespace CampaignBot.Discord.Gateway;

/// <summary>A whole received message (valid until the next receive), or the close that ended the socket.</summary>
internal readonly record struct GatewayMessage(ReadOnlyMemory<byte> Payload, bool Closed, int? CloseCode);
