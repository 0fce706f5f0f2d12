namespace CampaignBot.Core.Ports;

/// <summary>Contributes a section to <c>status</c>: each adapter, the scheduler and storage report here.</summary>
public interface IStatusSource
{
    string Section { get; }

    Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken);
}
