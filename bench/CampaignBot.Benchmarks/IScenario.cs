namespace CampaignBot.Benchmarks;

/// <summary>One benchmark scenario: runs, prints a readable table, returns its figures for the JSON line.</summary>
public interface IScenario
{
    string Name { get; }

    string Description { get; }

    Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken);
}
