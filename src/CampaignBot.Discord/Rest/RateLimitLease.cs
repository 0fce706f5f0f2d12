namespace CampaignBot.Discord.Rest;

/// <summary>Permission to send one request; hand it back to <see cref="RestRateLimiter"/> exactly once.</summary>
internal sealed record RateLimitLease(RestRoute Route, string BucketKey, RateLimitBucket Bucket, bool HeldGate);
