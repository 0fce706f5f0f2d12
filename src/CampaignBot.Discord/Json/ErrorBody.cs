namespace CampaignBot.Discord.Json;

/// <summary>Discord's error body, and the fields of a 429 body.</summary>
internal sealed record ErrorBody(int Code, string? Message, double? RetryAfter, bool? Global);
