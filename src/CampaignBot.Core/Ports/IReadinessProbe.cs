namespace CampaignBot.Core.Ports;

/// <summary>
/// One part of the bot that <c>/readyz</c> reports: storage, the scheduler, each adapter. A part that is
/// <see cref="Required"/> and not ready makes the whole bot not ready.
/// </summary>
public interface IReadinessProbe
{
    /// <summary>Short lower-case name used as the JSON key, e.g. <c>database</c>, <c>discord</c>.</summary>
    string Name { get; }

    /// <summary>True for what the bot can't work without (database, scheduler); adapters are reported but optional.</summary>
    bool Required { get; }

    Task<Readiness> CheckAsync(CancellationToken cancellationToken);
}
