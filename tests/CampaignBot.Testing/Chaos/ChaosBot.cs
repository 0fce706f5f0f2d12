using System.Diagnostics;
using System.Text;

namespace CampaignBot.Testing.Chaos;

/// <summary>
/// One run of the real bot process for a chaos drill: knows when it is ready (the scheduler logged that its dispatcher
/// is ready, once Quartz runs and this node's old claims are back) and can be killed with SIGKILL.
/// </summary>
public sealed class ChaosBot : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<DateTimeOffset> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChaosBot(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="botAssembly"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static ChaosBot Start(string botAssembly, string workingDirectory, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(botAssembly);
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        // Platform credentials never come from the environment.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Mastodon__", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key);
        }

        return new ChaosBot(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>When the bot became ready (able to dispatch); fails if it exits first or takes longer than the timeout.</summary>
    public async Task<DateTimeOffset> ReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        return done == _ready.Task
            ? await _ready.Task.ConfigureAwait(false)
            : throw new TimeoutException($"the bot was not ready within {timeout} (exited: {_process.HasExited}); it logged:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is handed back. Returns the moment of the kill.</summary>
    public async Task<DateTimeOffset> KillAsync()
    {
        var at = DateTimeOffset.UtcNow;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return at;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Reminder dispatcher ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult(DateTimeOffset.UtcNow);
        }

        lock (_log)
        {
            _log.Append(line).Append('\n');
        }
    }
}
