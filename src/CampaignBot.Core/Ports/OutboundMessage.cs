using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;

namespace CampaignBot.Core.Ports;

/// <summary>A message for one destination, with the key that makes its delivery idempotent.</summary>
public sealed record OutboundMessage(Destination Destination, Reply Content, string IdempotencyKey);
