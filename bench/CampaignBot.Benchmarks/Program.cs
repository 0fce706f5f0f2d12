using System.Text.Json;
using CampaignBot.Benchmarks;

// dotnet run -c Release --project bench/CampaignBot.Benchmarks -- <scenario> [options]
// The web scenario's clients: this program re-launched in a process of its own, not a scenario to run by hand.
if (args is [CampaignBot.Benchmarks.Web.WebClients.Argument, .. var clientArgs])
{
    return await CampaignBot.Benchmarks.Web.WebClients.RunAsync(clientArgs, CancellationToken.None);
}

if (args.Length == 0 || Scenarios.All.FirstOrDefault(s => s.Name == args[0]) is not { } scenario)
{
    Console.Error.WriteLine("usage: CampaignBot.Benchmarks <scenario> [options]");
    foreach (var known in Scenarios.All)
    {
        Console.Error.WriteLine($"  {known.Name,-22} {known.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

Console.WriteLine($"{scenario.Name}: {scenario.Description} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
var figures = await scenario.RunAsync(args[1..], cancel.Token);
var line = new Dictionary<string, object> { ["scenario"] = scenario.Name, ["cores"] = Environment.ProcessorCount };
foreach (var (key, value) in figures)
{
    line[key] = value;
}

// Every scenario reports the memory it took, unless it measured the bot's own process and reported that itself.
if (!line.ContainsKey("peak_rss_mb"))
{
    line["peak_rss_mb"] = PeakMemory.Megabytes();
    Console.WriteLine($"peak RSS (this process, bot and fakes together): {line["peak_rss_mb"]} MB");
}

// Whose peak it is: a scenario that runs the bot as its own process says "bot"; otherwise the bot ran in this one.
line.TryAdd("peak_rss_process", "bench");

Console.WriteLine(JsonSerializer.Serialize(line));
return 0;
