using System.Diagnostics;
using System.Text;

namespace CampaignBot.Testing.Processes;

/// <summary>
/// The real bot as its own process (tests, the chaos drill and the bench's process scenarios all start it here): its
/// settings on the command line, stdin open for the shell, stdout and the log (stderr) kept with the moment each line
/// came, waits for a log line, a clean stop, SIGINT or SIGKILL, and its resident memory from <c>/proc</c>.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    /// <summary>The scheduler's line once Quartz runs and this node's old claims are back: the bot can dispatch.</summary>
    public const string ReadyLine = "Reminder dispatcher ready";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(string Line, DateTimeOffset At)> _lines = [];
    private readonly List<(string Text, TaskCompletionSource<DateTimeOffset> Seen)> _waiters = [];
    private readonly TimedLineReader _stdoutReader;

    private BotProcess(Process process)
    {
        _process = process;
        _stdoutReader = new TimedLineReader(process.StandardOutput.BaseStream, "bot stdout", (lines, at) => Append(_stdout, lines, at));
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Append(_stderr, [e.Data], DateTimeOffset.UtcNow);
            }
        };
        process.BeginErrorReadLine();
    }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything written to stdout so far.</summary>
    public string Output => Read(_stdout);

    /// <summary>Everything written to stderr (the log) so far.</summary>
    public string Errors => Read(_stderr);

    /// <summary>stdout and the log together, in the order the lines came.</summary>
    public string Log
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines.Select(l => l.Line));
            }
        }
    }

    public StreamWriter Input => _process.StandardInput;

    /// <summary>The bot on a SQLite file, with these settings.</summary>
    public static BotProcess Start(string database, params string[] settings) =>
        StartWith([$"--Storage:ConnectionString=Data Source={database}", .. settings]);

    /// <summary>
    /// Starts <paramref name="build"/> (the built bot by default) with exactly these settings. Bots run side by side
    /// in tests: each gets a free port for the web surface unless the settings pick one (or turn it off).
    /// </summary>
    public static BotProcess StartWith(IEnumerable<string> settings, BotBuild? build = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        build ??= BotBuild.Built;
        var start = new ProcessStartInfo(build.Native ? build.Program : "dotnet")
        {
            WorkingDirectory = build.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!build.Native)
        {
            start.ArgumentList.Add(build.Program);
        }

        var given = settings.ToArray();
        if (!given.Any(s => s.StartsWith("--Web:Urls=", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add("--Web:Urls=http://127.0.0.1:0");
        }

        foreach (var setting in given)
        {
            start.ArgumentList.Add(setting);
        }

        // The bot must not pick up a developer's platform credentials from the environment.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Mastodon__", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new BotProcess(Process.Start(start) ?? throw new InvalidOperationException($"{build} did not start"));
    }

    /// <summary>Runs the bot on a SQLite file with <paramref name="input"/> piped in, to the end.</summary>
    public static Task<BotRun> PipeAsync(string database, string input, params string[] settings) =>
        PipeAsync(database, writer => writer.WriteAsync(input), settings);

    /// <summary>As <see cref="PipeAsync(string, string, string[])"/>, with bytes that need not be UTF-8 text.</summary>
    public static Task<BotRun> PipeAsync(string database, byte[] input, params string[] settings) =>
        PipeAsync(database, async writer =>
        {
            await writer.FlushAsync().ConfigureAwait(false);
            await writer.BaseStream.WriteAsync(input).ConfigureAwait(false);
        }, settings);

    private static async Task<BotRun> PipeAsync(string database, Func<StreamWriter, Task> write, string[] settings)
    {
        await using var bot = Start(database, settings);
        try
        {
            await write(bot.Input).ConfigureAwait(false);
            bot.Input.Close();
        }
        catch (IOException)
        {
            // The bot stopped reading before the input was in (a bad setting ends it at once): a broken pipe. What it
            // did instead is in the run's exit code and output. Closing again drops what is still buffered.
            CloseQuietly(bot.Input);
        }

        return await bot.WaitAsync().ConfigureAwait(false);
    }

    /// <summary>Its resident memory now and at peak; null once it has exited.</summary>
    public ProcessMemory? Memory() => _process.HasExited ? null : ProcessMemory.Read(_process.Id);

    public async Task<BotRun> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        _process.WaitForExit();
        await _stdoutReader.Completion.WaitAsync(timeout.Token).ConfigureAwait(false);
        return new BotRun(_process.ExitCode, Output, Errors);
    }

    /// <summary>When the bot became ready to dispatch (<see cref="ReadyLine"/>).</summary>
    public Task<DateTimeOffset> ReadyAsync(TimeSpan timeout) => WaitForLogAsync(ReadyLine, timeout);

    /// <summary>
    /// When a line containing <paramref name="text"/> came on stdout or the log; fails if the bot exits first or the
    /// timeout passes.
    /// </summary>
    public async Task<DateTimeOffset> WaitForLogAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var earlier = _lines.FirstOrDefault(l => l.Line.Contains(text, StringComparison.Ordinal));
            if (earlier.Line is not null)
            {
                return earlier.At;
            }

            _waiters.Add((text, seen));
        }

        var done = await Task.WhenAny(seen.Task, _process.WaitForExitAsync(), Task.Delay(timeout)).ConfigureAwait(false);
        return done == seen.Task || seen.Task.IsCompleted
            ? await seen.Task.ConfigureAwait(false)
            : throw new TimeoutException($"the bot did not log \"{text}\" within {timeout} (exited: {_process.HasExited}); it logged:\n{Log}");
    }

    /// <summary>The campaign page's address, from the start-up log line.</summary>
    public async Task<Uri> WebAddressAsync()
    {
        const string Marker = "Web: campaign page on ";
        await WaitForLogAsync(Marker, Timeout).ConfigureAwait(false);
        var line = Errors.Split('\n').First(l => l.Contains(Marker, StringComparison.Ordinal));
        return new Uri(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Split(',')[0].Trim());
    }

    /// <summary>
    /// Stops it as a terminal user would: end of input (the shell's exit), then Ctrl+C if it is still running, then
    /// SIGKILL past the 10 s every stop is allowed. Returns the exit code.
    /// </summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Interrupt();
            }
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
        }

        return _process.ExitCode;
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
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static void CloseQuietly(StreamWriter input)
    {
        try
        {
            input.Close();
        }
        catch (IOException)
        {
            // Already broken; the writer is closed all the same.
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private void Append(StringBuilder buffer, IReadOnlyList<string> lines, DateTimeOffset at)
    {
        lock (buffer)
        {
            foreach (var line in lines)
            {
                buffer.Append(line).Append('\n');
            }
        }

        lock (_lines)
        {
            foreach (var line in lines)
            {
                _lines.Add((line, at));
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (lines.Any(line => line.Contains(_waiters[i].Text, StringComparison.Ordinal)))
                {
                    _waiters[i].Seen.TrySetResult(at);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
