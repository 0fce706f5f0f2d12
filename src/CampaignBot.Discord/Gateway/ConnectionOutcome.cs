namespace CampaignBot.Discord.Gateway;

/// <summary>How one connection ended and what the next should do.</summary>
internal sealed record ConnectionOutcome(CloseAction Action, string Reason, int? CloseCode = null, bool Healthy = false, bool Immediate = false);
