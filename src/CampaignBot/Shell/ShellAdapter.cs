using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Shell;

/// <summary>
/// Reads commands from the terminal (or a pipe), one per line, and prints the answers. The local user is an
/// organiser. End of input stops the bot with exit code 0, so scripted sessions work.
/// </summary>
internal sealed class ShellAdapter(
    ShellConsole console,
    ICommandRouter router,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ShellAdapter> logger) : BackgroundService
{
    public static readonly Destination Terminal = new(Platform.Shell, "terminal", "terminal");

    private readonly CommandContext _context = new(new Person(Platform.Shell, Environment.UserName, Environment.UserName), Terminal, IsOrganiser: true);

    // Each line is its own request; the session id keeps the lines of one run apart from the same lines of the next.
    private readonly string _session = Guid.NewGuid().ToString("N")[..12];
    private long _line;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (console.Interactive)
        {
            console.WriteBlock("CampaignBot shell. Type help for commands, exit to quit.");
        }

        // Commands are answered from now on; the log says ready once the whole bot is (scripts and tests wait for it).
        using var ready = lifetime.ApplicationStarted.Register(() => Log.ShellReady(logger));
        try
        {
            while (await ReadLineAsync(stoppingToken).ConfigureAwait(false) is { } line)
            {
                _line++;
                var command = line.Trim();
                if (command is "exit" or "quit" or "/exit" or "/quit")
                {
                    break;
                }

                if (command.Contains(ShellConsole.Undecodable, StringComparison.Ordinal))
                {
                    console.WriteBlock(ShellRenderer.Render(Error.BadInput("That line isn't UTF-8 text: it has bytes that don't decode.", "Type plain text, or save the script as UTF-8.")));
                }
                else if (command.Length > 0)
                {
                    var result = await router.HandleTextAsync(command, _context with { RequestId = $"shell:{_session}:{_line}" }, stoppingToken).ConfigureAwait(false);
                    console.WriteBlock(ShellRenderer.Render(result, clock));
                }
            }

            Log.ShellInputEnded(logger);

            // The shell starts before the scheduler and the web surface; a short script can end before they are up,
            // and stopping then would cut their start short. The bot stops once it has fully started.
            await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        lifetime.StopApplication();
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
    }

    private async Task<string?> ReadLineAsync(CancellationToken stoppingToken)
    {
        if (console.Interactive)
        {
            console.Write("campaignbot> ");
        }

        // Console input has no truly asynchronous read (ReadLineAsync blocks), so read on the thread pool and wait
        // on the token: Ctrl+C then stops us mid-read instead of waiting for a line that may never come.
        return await Task.Run(console.Input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken).ConfigureAwait(false);
    }
}
