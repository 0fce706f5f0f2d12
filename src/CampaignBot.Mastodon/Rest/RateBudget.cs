namespace CampaignBot.Mastodon.Rest;

/// <summary>What the server last said about a budget: how many requests are left until <see cref="Reset"/>.</summary>
internal readonly record struct RateBudget(int Limit, int Remaining, DateTimeOffset Reset);
