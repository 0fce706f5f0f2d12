using Microsoft.Extensions.Hosting;

namespace CampaignBot;

/// <summary>
/// The host's lifetime when Program.cs runs it. Program.cs takes SIGINT and SIGTERM itself, at any moment (while the
/// database is migrated, while the host starts, while it runs); the default console lifetime would also take them
/// and stop the application at once, cutting each part's start short with a failure logged for every one.
/// </summary>
internal sealed class ProgramLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
