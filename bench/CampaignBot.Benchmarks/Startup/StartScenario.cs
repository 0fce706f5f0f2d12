using System.Diagnostics;
using System.Globalization;
using CampaignBot.Benchmarks.Footprint;
using CampaignBot.Testing.Discord;
using CampaignBot.Testing.Mastodon;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Benchmarks.Startup;

/// <summary>
/// Start to ready: the built bot is started as a process with the shell, Discord and Mastodon configured (against
/// fresh loopback fakes each time) and the web surface on, on a SQLite file, and timed from process start to (a) the
/// shell's answer to a command waiting on its input, (b) IDENTIFY arriving at the fake gateway, (c) the Mastodon
/// stream connecting at the fake, and ready when all three have happened. Then the first tagged post after start is
/// pushed on the hashtag stream and timed to its reblog request (cold), and a second one (warm). The first start
/// creates the database and is reported apart; the median of the starts after it is what counts.
/// Arguments: [starts, default 5] [--bot &lt;publish dir&gt;, e.g. a ReadyToRun publish; default the built bot].
/// </summary>
internal sealed class StartScenario : IScenario
{
    private const string Tag = "NotSafeNotFair";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public string Name => "start";

    public string Description => "process start → shell answers, Discord IDENTIFY, Mastodon stream; then the first boost after start (median of 5 starts)";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var starts = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var given) ? given : 5;
        var build = BotUnderTest.Build(args);
        Console.WriteLine($"bot: {BotUnderTest.Describe(build)}");
        var directory = Directory.CreateTempSubdirectory("campaignbot-start-");
        try
        {
            var database = Path.Combine(directory.FullName, "start.db");

            // One pair of fakes for every start: the boost ledger in the database outlives each start, so statuses
            // must stay unique across them.
            await using var discord = await FakeDiscordServer.StartAsync().ConfigureAwait(false);
            await using var mastodon = await FakeMastodonServer.StartAsync().ConfigureAwait(false);
            var first = await StartOnceAsync(build, database, discord, mastodon, 1, cancellationToken).ConfigureAwait(false);
            var runs = new List<StartTimes>();
            for (var i = 0; i < starts; i++)
            {
                runs.Add(await StartOnceAsync(build, database, discord, mastodon, i + 2, cancellationToken).ConfigureAwait(false));
            }

            var table = new Table("start", "shell answers (ms)", "Discord IDENTIFY (ms)", "Mastodon stream (ms)", "ready (ms)", "CPU to ready (ms)", "first boost (ms)", "second boost (ms)", "bot peak RSS (MB)");
            table.Row("first (creates the database)", first.Shell, first.Identify, first.Stream, first.Ready, first.CpuToReady, first.FirstBoost, first.SecondBoost, first.PeakRssMb);
            foreach (var (run, index) in runs.Select((run, index) => (run, index)))
            {
                table.Row($"restart {index + 1}", run.Shell, run.Identify, run.Stream, run.Ready, run.CpuToReady, run.FirstBoost, run.SecondBoost, run.PeakRssMb);
            }

            var median = new StartTimes(
                Median(runs, r => r.Shell),
                Median(runs, r => r.Identify),
                Median(runs, r => r.Stream),
                Median(runs, r => r.Ready),
                Median(runs, r => r.CpuToReady),
                Median(runs, r => r.FirstBoost),
                Median(runs, r => r.SecondBoost),
                Median(runs, r => r.PeakRssMb));
            table.Row("median of restarts", median.Shell, median.Identify, median.Stream, median.Ready, median.CpuToReady, median.FirstBoost, median.SecondBoost, median.PeakRssMb);
            Console.Write(table);
            return new Dictionary<string, object>
            {
                ["starts"] = starts,
                ["shell_ms"] = median.Shell,
                ["discord_identify_ms"] = median.Identify,
                ["mastodon_stream_ms"] = median.Stream,
                ["ready_ms"] = median.Ready,
                ["cpu_to_ready_ms"] = median.CpuToReady,
                ["first_boost_ms"] = median.FirstBoost,
                ["second_boost_ms"] = median.SecondBoost,
                ["first_start_ready_ms"] = first.Ready,
                ["peak_rss_mb"] = median.PeakRssMb,
                ["peak_rss_process"] = "bot",
            };
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double Median(List<StartTimes> runs, Func<StartTimes, double> figure) =>
        runs.Select(figure).Order().ElementAt(runs.Count / 2);

    private static async Task<StartTimes> StartOnceAsync(BotBuild build, string database, FakeDiscordServer discord, FakeMastodonServer mastodon, int start, CancellationToken cancellationToken)
    {
        var streams = mastodon.StreamConnections.Count;
        // Not the fake's BotSettings: a real start asks for the gateway and checks its command registration.
        await using var bot = BotProcess.StartWith(
        [
            "--Storage:Provider=Sqlite",
            $"--Storage:ConnectionString=Data Source={database}",
            "--Shell:Enabled=true",
            "--Web:Urls=http://127.0.0.1:0",
            $"--Discord:Token={discord.Token}",
            $"--Discord:ApplicationId={FakeDiscordServer.ApplicationId}",
            $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            $"--Discord:GuildIds:0={FakeDiscordServer.GuildId}",
            $"--Mastodon:InstanceUrl={mastodon.InstanceUrl}",
            $"--Mastodon:AccessToken={mastodon.Token}",
            $"--Campaign:Hashtags:0={Tag}",
        ], build);

        try
        {
            // Typed before the bot is up, as a piped script would: the shell answers it as soon as it reads input.
            await bot.Input.WriteLineAsync("event list").ConfigureAwait(false);
            await bot.Input.FlushAsync(cancellationToken).ConfigureAwait(false);
            var shell = Since(bot, bot.WaitForLogAsync("Upcoming actions", Patience));
            var identify = After(bot, discord.WaitForOpAsync(2, start, Patience));
            var stream = After(bot, Until(() => mastodon.StreamConnections.Count > streams, cancellationToken));
            await Task.WhenAll(shell, identify, stream).WaitAsync(cancellationToken).ConfigureAwait(false);
            var ready = new[] { shell.Result, identify.Result, stream.Result }.Max();
            var cpu = ProcessCpu.Milliseconds(bot.Id);

            await Until(() => mastodon.IsSubscribed($"hashtag:{Tag}"), cancellationToken).ConfigureAwait(false);

            var firstBoost = await BoostAsync(bot, mastodon, $"first{start}", cancellationToken).ConfigureAwait(false);
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            var secondBoost = await BoostAsync(bot, mastodon, $"second{start}", cancellationToken).ConfigureAwait(false);
            return new StartTimes(Ms(shell.Result), Ms(identify.Result), Ms(stream.Result), Ms(ready), cpu, firstBoost, secondBoost, bot.Memory()?.PeakMb ?? 0);
        }
        finally
        {
            await bot.StopAsync().ConfigureAwait(false);
        }
    }

    // The log records each stream connection as the same string, so it is watched by its count.
    private static async Task<bool> Until(Func<bool> condition, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("the Mastodon stream did not connect in time");
            }

            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<TimeSpan> After<T>(BotProcess bot, Task<T> happened)
    {
        await happened.ConfigureAwait(false);
        return DateTimeOffset.UtcNow - bot.StartedAt;
    }

    private static async Task<TimeSpan> Since(BotProcess bot, Task<DateTimeOffset> seen) => await seen.ConfigureAwait(false) - bot.StartedAt;

    private static async Task<double> BoostAsync(BotProcess bot, FakeMastodonServer mastodon, string author, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var status = mastodon.Post($"{author}@union.example", $"On the picket line #{Tag}");
        var id = status["id"]!.GetValue<string>();
        try
        {
            await mastodon.Reblogs.WaitAsync(reblogged => reblogged == id, TimeSpan.FromSeconds(10), $"the reblog of {id}").WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new InvalidOperationException($"{exception.Message} The bot's log:\n{bot.Log}", exception);
        }

        return Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
    }

    private static double Ms(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);
}
