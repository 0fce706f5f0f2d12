using System.Diagnostics;
using CampaignBot.Storage;

namespace CampaignBot.Benchmarks.Scheduling;

/// <summary>
/// Restart to armed: the built bot process is started on a database holding 100,000 pending reminders; the time from
/// process start to the dispatcher being armed for the earliest of them (its debug log line) is measured. The first
/// start (which also creates Quartz's tables) is a warm-up; the restarts after it are what counts.
/// </summary>
internal sealed class RestartScenario : IScenario
{
    private const int Events = 25_000;
    private const int Restarts = 3;
    private const string Armed = "Reminder dispatcher armed";

    public string Name => "restart";

    public string Description => "process start → dispatcher armed, 100,000 reminders pending (median of 3 restarts)";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var table = new Table("engine", "pending", "first start s", "restart median s", "restart max s");
        var figures = new Dictionary<string, object>();
        foreach (var engine in BenchEngines.Available())
        {
            await using var database = await BenchEngines.CreateAsync(engine, cancellationToken);
            await using (var handle = await database.OpenAsync(cancellationToken))
            {
                await handle.Store.AddEventsAsync(BenchEngines.Events(Events, DateTimeOffset.UtcNow.AddDays(10), TimeSpan.FromSeconds(7)), cancellationToken);
            }

            var first = await StartToArmedAsync(engine, database.Options.ConnectionString, cancellationToken);
            var restarts = new List<double>();
            for (var i = 0; i < Restarts; i++)
            {
                restarts.Add(await StartToArmedAsync(engine, database.Options.ConnectionString, cancellationToken));
            }

            var median = restarts.Order().ElementAt(restarts.Count / 2);
            table.Row(BenchEngines.Name(engine), Events * 4, Math.Round(first, 3), Math.Round(median, 3), Math.Round(restarts.Max(), 3));
            figures[$"{BenchEngines.Key(engine)}_restart_seconds"] = Math.Round(median, 3);
        }

        Console.Write(table);
        return figures;
    }

    private static async Task<double> StartToArmedAsync(StorageProvider engine, string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BotPaths.RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(BotPaths.BotAssembly);
        foreach (var setting in new[]
        {
            $"--Storage:Provider={engine}",
            $"--Storage:ConnectionString={connectionString}",
            "--Campaign:SeedFile=",
            "--Shell:Enabled=true",
            "--Logging:LogLevel:CampaignBot.Scheduling=Debug",
        })
        {
            start.ArgumentList.Add(setting);
        }

        foreach (var key in start.Environment.Keys.Where(k => k!.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Mastodon__", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key!);
        }

        var armed = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                errors.Enqueue(text);
            }

            if (line.Data?.Contains(Armed, StringComparison.Ordinal) == true)
            {
                armed.TrySetResult(clock.Elapsed.TotalSeconds);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return await armed.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The bot did not arm its dispatcher within 60 s. Its log:\n{string.Join('\n', errors)}");
        }
        finally
        {
            // End of input stops the shell, and with it the bot, cleanly.
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
