using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CampaignBot.Benchmarks.Web;

/// <summary>
/// The <c>web</c> scenario's load, in a process of its own (the bench re-launches itself with the hidden
/// <c>web-clients</c> argument), so the bot's process holds only the bot, as it does in production. From the given
/// instant it runs the given number of clients on each path in turn and prints one JSON line per path.
/// </summary>
internal static class WebClients
{
    public const string Argument = "web-clients";

    /// <summary>The arguments the bot's side passes: address, start instant, clients, seconds per path, paths.</summary>
    public static string[] Arguments(Uri address, DateTimeOffset start, int clients, TimeSpan phase, IEnumerable<string> paths) =>
    [
        Argument,
        address.ToString(),
        start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        clients.ToString(CultureInfo.InvariantCulture),
        phase.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        .. paths,
    ];

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var address = new Uri(args[0]);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[1], CultureInfo.InvariantCulture));
        var clients = int.Parse(args[2], CultureInfo.InvariantCulture);
        var phase = TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        // Warm this process's side of each path (JIT, connections) before the load starts.
        foreach (var path in args[4..])
        {
            (await http.GetAsync(path, cancellationToken)).Dispose();
        }

        if (start - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        foreach (var path in args[4..])
        {
            var (latencies, failures, seconds) = await LoadAsync(http, path, clients, phase, cancellationToken);
            var line = new PathFigures(path, latencies.Count, seconds, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), failures, PeakMemory.Megabytes());
            Console.WriteLine(JsonSerializer.Serialize(line));
        }

        return 0;
    }

    private static async Task<(List<double> Latencies, int Failures, double Seconds)> LoadAsync(HttpClient http, string path, int clients, TimeSpan phase, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = [];
            while (clock.Elapsed < phase)
            {
                var began = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, cancellationToken)));
        return ([.. latencies.SelectMany(l => l)], failures, clock.Elapsed.TotalSeconds);
    }
}
