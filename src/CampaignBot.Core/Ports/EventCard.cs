using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Ports;

/// <summary>A card the bot posted about an action: where it is, so edits and cancellations can update it.</summary>
public sealed record EventCard(long EventId, Destination Channel, string MessageId, DateTimeOffset PostedAt);
