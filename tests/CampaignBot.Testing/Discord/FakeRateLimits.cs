namespace CampaignBot.Testing.Discord;

/// <summary>Limits the fake enforces, with Discord's headers and 429 bodies. Null turns a limit off.</summary>
public sealed class FakeRateLimits
{
    /// <summary>Requests per second across the bot (interaction callbacks and webhooks exempt), like Discord's 50.</summary>
    public int? GlobalPerSecond { get; set; }

    /// <summary>Requests per window per route bucket and major parameter (e.g. 5 per 5 s per channel).</summary>
    public int? RouteLimit { get; set; }

    public TimeSpan RouteWindow { get; set; } = TimeSpan.FromSeconds(5);
}
