namespace CampaignBot.Core.Ports;

/// <summary>What the platform answered for a post: its id there, when known.</summary>
public sealed record SentMessage(string? PlatformMessageId);
