using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Footprint;

/// <summary>
/// The bot at rest, as a campaign first runs it: shell on, SQLite, the example campaign seeded, the web surface on
/// loopback (its page and health read once, as a first visitor would). Its resident memory is read from its own
/// process once it has settled. Options: <c>--settle S</c> (default 10), <c>--bot &lt;publish dir&gt;</c>.
/// </summary>
internal sealed class IdleScenario : IScenario
{
    public string Name => "idle";

    public string Description => "the bot's own RSS at rest: shell + SQLite + web on loopback, example campaign seeded";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var build = BotUnderTest.Build(args);
        var settleAt = Array.IndexOf(args, "--settle");
        var settle = TimeSpan.FromSeconds(settleAt >= 0 ? double.Parse(args[settleAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 10);
        var database = BotUnderTest.TempDatabase();
        try
        {
            await using var bot = BotProcess.StartWith([$"--Storage:ConnectionString=Data Source={database}", "--Shell:Enabled=true"], build);
            await bot.WaitForLogAsync("Shell adapter ready", TimeSpan.FromSeconds(60)).WaitAsync(cancellationToken);
            var ready = await bot.ReadyAsync(TimeSpan.FromSeconds(60)).WaitAsync(cancellationToken);
            var web = await bot.WebAddressAsync();
            using (var http = new HttpClient())
            {
                (await http.GetAsync(new Uri(web, "/"), cancellationToken)).EnsureSuccessStatusCode();
                (await http.GetAsync(new Uri(web, "/healthz"), cancellationToken)).EnsureSuccessStatusCode();
            }

            var memory = await BotUnderTest.SettledAsync(bot, settle, cancellationToken);
            var startToReady = (ready - bot.StartedAt).TotalSeconds;
            Console.WriteLine(new Table("bot", "start → ready (s)", "settle (s)", "RSS (MB)", "anon", "file", "shmem", "peak (MB)")
                .Row(BotUnderTest.Describe(build), Math.Round(startToReady, 2), settle.TotalSeconds, memory.RssMb, memory.AnonMb, memory.FileMb, memory.ShmemMb, memory.PeakMb));
            var figures = new Dictionary<string, object> { ["start_to_ready_s"] = Math.Round(startToReady, 3) };
            BotUnderTest.Report(figures, memory, build);
            await bot.StopAsync();
            return figures;
        }
        finally
        {
            BotUnderTest.Delete(database);
        }
    }
}
