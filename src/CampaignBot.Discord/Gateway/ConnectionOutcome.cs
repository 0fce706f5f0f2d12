namespace CampaignBot.Discord.Gateway;

/// <summary>
/// How one connection ended and what the next should do. <see cref="Immediate"/> skips the backoff; it is only set
/// for connections that got as far as READY or RESUMED, so a server that misbehaves at once can't make us spin.
/// </summary>
internal sealed record ConnectionOutcome(CloseAction Action, string Reason, int? CloseCode = null, bool Healthy = false, bool Immediate = false);
