namespace CampaignBot.Core.Domain;

/// <summary>How many people answered each way for one event.</summary>
public sealed record RsvpCounts(int Going, int Maybe, int NotGoing)
{
    public static RsvpCounts Empty { get; } = new(0, 0, 0);

    public int Total => Going + Maybe + NotGoing;
}
