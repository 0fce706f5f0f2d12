using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CampaignBot.Tests;

/// <summary>
/// The built bot, run as a real process from the repository root with its own SQLite file: what a user gets from
/// <c>dotnet run --project src/CampaignBot</c>, minus the build.
/// </summary>
internal sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private BotProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public StreamWriter Input => _process.StandardInput;

    public static BotProcess Start(string database, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "CampaignBot.dll"));
        start.ArgumentList.Add($"--Storage:ConnectionString=Data Source={database}");
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
        return new BotRun(_process.ExitCode, await _stdout, await _stderr);
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
