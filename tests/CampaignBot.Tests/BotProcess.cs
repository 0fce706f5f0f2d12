using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CampaignBot.Tests;

/// <summary>
/// The built bot, run as a real process from the repository root with its own SQLite file: what a user gets from
/// <c>dotnet run --project src/CampaignBot</c>, minus the build.
/// </summary>
internal sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private BotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything written to stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Everything written to stderr (the log) so far.</summary>
    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public StreamWriter Input => _process.StandardInput;

    /// <summary>
    /// The bot as its own project built it (same configuration as the tests). The copy in the test output is not
    /// runnable: the test project's framework references trim assemblies the bot needs from it.
    /// </summary>
    public static string AssemblyPath => BotAssembly;

    private static string BotAssembly
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return System.IO.Path.Combine(RepositoryRoot.Path, "src", "CampaignBot", "bin", configuration, tfm, "CampaignBot.dll");
        }
    }

    public static BotProcess Start(string database, params string[] settings) =>
        StartWith([$"--Storage:ConnectionString=Data Source={database}", .. settings]);

    /// <summary>Starts the bot with exactly these settings (e.g. a PostgreSQL store).</summary>
    public static BotProcess StartWith(params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(BotAssembly);
        // Bots run side by side in tests: each gets a free port unless the test picks one (or turns the web off).
        if (!settings.Any(s => s.StartsWith("--Web:Urls=", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add("--Web:Urls=http://127.0.0.1:0");
        }

        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        // The bot must not pick up a developer's platform credentials from the environment.
        foreach (var key in start.Environment.Keys.Where(k => k!.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Mastodon__", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key!);
        }

        return new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs the bot with <paramref name="input"/> piped in, to the end.</summary>
    public static async Task<BotRun> PipeAsync(string database, string input, params string[] settings)
    {
        await using var bot = Start(database, settings);
        await bot.Input.WriteAsync(input);
        bot.Input.Close();
        return await bot.WaitAsync();
    }

    public async Task<BotRun> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
        return new BotRun(_process.ExitCode, Output, Errors);
    }

    /// <summary>Waits until the log (stderr) contains <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!Errors.Contains(text, StringComparison.Ordinal))
        {
            if (DateTimeOffset.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"the bot did not log \"{text}\" within {timeout}; it logged:\n{Errors}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The campaign page's address, from the start-up log line.</summary>
    public async Task<Uri> WebAddressAsync()
    {
        const string Marker = "Web: campaign page on ";
        await WaitForLogAsync(Marker, Timeout);
        var line = Errors.Split('\n').First(l => l.Contains(Marker, StringComparison.Ordinal));
        return new Uri(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Split(',')[0].Trim());
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt()
    {
        if (Kill(_process.Id, 2) != 0)
        {
            throw new InvalidOperationException($"kill failed: {Marshal.GetLastPInvokeError()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
