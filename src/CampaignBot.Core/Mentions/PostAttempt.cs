namespace CampaignBot.Core.Mentions;

/// <summary>An earlier attempt at a post: <paramref name="StatusId"/> when it is known to exist, null when uncertain.</summary>
public sealed record PostAttempt(string? StatusId, DateTimeOffset StartedAt);
