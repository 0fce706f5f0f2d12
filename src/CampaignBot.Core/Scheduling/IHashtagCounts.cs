namespace CampaignBot.Core.Scheduling;

/// <summary>Mention counts per hour, as recorded through <see cref="Ports.IHashtagMentionSink"/>.</summary>
public interface IHashtagCounts
{
    /// <summary>Hours with at least one mention of <paramref name="tag"/> (any case) in [from, to), oldest first.</summary>
    Task<IReadOnlyList<HourlyCount>> HourlyAsync(string tag, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
