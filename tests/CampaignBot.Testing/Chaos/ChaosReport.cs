namespace CampaignBot.Testing.Chaos;

/// <summary>
/// What a chaos drill saw. <see cref="WorstOverAllowed"/> is the largest (send time − the latest time it was allowed):
/// zero or less means every reminder went out within <see cref="ChaosPlan.Allowed"/> of the bot being able to send it.
/// </summary>
public sealed record ChaosReport(
    string Engine,
    int Kills,
    int Expected,
    int Delivered,
    int Doubled,
    int Posts,
    int MissedOrFailed,
    int LateMarks,
    int LateMismatches,
    TimeSpan WorstOverAllowed,
    TimeSpan WorstLateness,
    TimeSpan MedianRestart,
    TimeSpan? Takeover,
    IReadOnlyList<string> Problems)
{
    public int Lost => Expected - Delivered;
}
