namespace CampaignBot.Tests;

/// <summary>
/// Tests that time several real bot processes against the clock run one after another, not alongside each other:
/// on a 2-core machine their starts would otherwise slow each other past the timings they check.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BotProcessCollection
{
    public const string Name = "Timed bot processes";
}
