namespace CampaignBot.Scheduling.Tests;

/// <summary>
/// Tests that read the garbage collector's generations run alone: other tests allocating in the same process change
/// the collector's budgets, and with them whether a collection promotes what survives it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CollectorCollection
{
    public const string Name = "Collector";
}
