namespace CampaignBot.Testing.Mastodon;

/// <summary>The budgets the fake enforces (Mastodon's defaults) and the clock it measures them with.</summary>
public sealed class FakeMastodonLimits
{
    /// <summary>Requests per token per window (300 per 5 minutes).</summary>
    public int ApiLimit { get; set; } = 300;

    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Statuses and boosts per account per window (300 per 3 hours).</summary>
    public int StatusLimit { get; set; } = 300;

    public TimeSpan StatusWindow { get; set; } = TimeSpan.FromHours(3);
}
