using System.Diagnostics;

namespace CampaignBot.Benchmarks.Startup;

/// <summary>
/// The built bot run as a process of its own, run from the repository root as documented, timed from the moment it
/// was started: when a log line (stderr) or its first answer (stdout) appeared. Closing it ends its input, which stops
/// the shell and with it the bot, cleanly.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly long _started;
    private readonly Lock _lock = new();
    private readonly List<(TimeSpan At, string Line)> _log = [];
    private readonly List<(string Text, TaskCompletionSource<TimeSpan> Seen)> _waiters = [];
    private readonly TaskCompletionSource<TimeSpan> _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(ProcessStartInfo start)
    {
        _started = Stopwatch.GetTimestamp();
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.ErrorDataReceived += (_, line) => Logged(line.Data);
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 })
            {
                _firstAnswer.TrySetResult(Elapsed);
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public StreamWriter Input => _process.StandardInput;

    public string Log
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _log.Select(entry => $"[{entry.At.TotalMilliseconds,7:F1} ms] {entry.Line}"));
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet <paramref name="assembly"/></c> (the build output, or a published one) with command-line
    /// <paramref name="settings"/>; platform credentials never come from this process's environment.
    /// </summary>
    public static BotProcess Start(string assembly, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Scheduling.BotPaths.RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Mastodon__", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key);
        }

        return new BotProcess(start);
    }

    /// <summary>The bot's peak resident set so far, in MB (Linux; 0 elsewhere).</summary>
    public double PeakRssMb()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : Math.Round(long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0, 1);
    }

    /// <summary>
    /// CPU time the bot has used so far (user + system, in ms; Linux, 10 ms steps; 0 elsewhere): unlike the wall clock,
    /// hardly moved by other work on a shared machine.
    /// </summary>
    public double CpuMs()
    {
        var stat = $"/proc/{_process.Id}/stat";
        if (!File.Exists(stat))
        {
            return 0;
        }

        // The fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th of them.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 10.0;
    }

    /// <summary>Time from start to the first line the shell printed on stdout.</summary>
    public Task<TimeSpan> FirstAnswerAsync(TimeSpan timeout) => WithLogAsync(_firstAnswer.Task.WaitAsync(timeout), "an answer on stdout");

    /// <summary>Time from start to the first log line containing <paramref name="text"/>.</summary>
    public Task<TimeSpan> LoggedAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_log.FirstOrDefault(entry => entry.Line.Contains(text, StringComparison.Ordinal)) is { Line: not null } earlier)
            {
                return Task.FromResult(earlier.At);
            }

            _waiters.Add((text, seen));
        }

        return WithLogAsync(seen.Task.WaitAsync(timeout), $"\"{text}\" in its log");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has already gone.
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task<TimeSpan> WithLogAsync(Task<TimeSpan> waiting, string what)
    {
        try
        {
            return await waiting.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The bot showed no {what} in time (exited: {_process.HasExited}). Its log:\n{Log}");
        }
    }

    private void Logged(string? line)
    {
        if (line is null)
        {
            return;
        }

        var at = Elapsed;
        List<TaskCompletionSource<TimeSpan>> seen = [];
        lock (_lock)
        {
            _log.Add((at, line));
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                seen.Add(waiter.Seen);
            }
        }

        foreach (var waiter in seen)
        {
            waiter.TrySetResult(at);
        }
    }
}
