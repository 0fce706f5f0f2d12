using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Core.Domain;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Discord;
using CampaignBot.Testing.Processes;

namespace CampaignBot.Testing.Chaos;

/// <summary>
/// Kills the real bot with SIGKILL at the moments reminders fall due (or, with two clustered nodes, kills one for
/// good) and checks what came out at the fake Discord against the reminder table: none lost, none doubled, each within
/// <see cref="ChaosPlan.Allowed"/> of the bot being able to send it, and every late mark matching the send time.
/// </summary>
public static partial class ChaosDrill
{
    private const string Route = "POST /channels/{channel_id}/messages";

    // Each reminder falls due this long before its event: a late one is still worth sending (not missed).
    private static readonly TimeSpan Before = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="plan"/>; <paramref name="start"/> launches the bot with the settings given.</summary>
    public static async Task<ChaosReport> RunAsync(ITestDatabase database, FakeDiscordServer discord, ChaosPlan plan, Func<IReadOnlyList<string>, BotProcess> start, CancellationToken cancellationToken)
    {
        var random = new Random(plan.Seed);
        var channels = Enumerable.Range(1, plan.Channels).Select(i => (1_300_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToArray();
        var dues = await SeedAsync(database, channels, plan, cancellationToken).ConfigureAwait(false);
        string[] settings =
        [
            $"--Storage:Provider={database.Provider}",
            $"--Storage:ConnectionString={database.Options.ConnectionString}",
            "--Campaign:SeedFile=",
            "--Shell:Enabled=false",
            "--Web:Urls=off",
            "--Scheduling:DigestTime=off",
            $"--Scheduling:LateAfter={plan.LateAfter}",
            .. plan.Lease is { } lease ? [$"--Scheduling:Lease={lease}"] : Array.Empty<string>(),
            .. discord.BotSettings,
        ];

        var lives = new List<(DateTimeOffset Ready, DateTimeOffset Killed)>();
        var bots = new List<BotProcess>();
        var restarts = new List<TimeSpan>();
        DateTimeOffset? killedForGood = null;
        try
        {
            if (plan.TwoNodes)
            {
                var a = start([.. settings, "--Scheduling:NodeId=chaos-a"]);
                var b = start([.. settings, "--Scheduling:NodeId=chaos-b"]);
                bots.AddRange([a, b]);
                await Task.WhenAll(a.ReadyAsync(ReadyTimeout), b.ReadyAsync(ReadyTimeout)).ConfigureAwait(false);
                var target = NextTarget(dues, DateTimeOffset.UtcNow + plan.MinLife, random);
                await Until(target, cancellationToken).ConfigureAwait(false);
                killedForGood = await a.KillAsync().ConfigureAwait(false);
            }
            else
            {
                var bot = start(settings);
                bots.Add(bot);
                var ready = await bot.ReadyAsync(ReadyTimeout).ConfigureAwait(false);
                for (var kill = 0; kill < plan.Kills; kill++)
                {
                    await Until(NextTarget(dues, ready + plan.MinLife, random), cancellationToken).ConfigureAwait(false);
                    var killed = await bot.KillAsync().ConfigureAwait(false);
                    lives.Add((ready, killed));
                    bot = start(settings);
                    bots.Add(bot);
                    ready = await bot.ReadyAsync(ReadyTimeout).ConfigureAwait(false);
                    restarts.Add(ready - killed);
                }

                lives.Add((ready, DateTimeOffset.MaxValue));
            }

            await SettleAsync(database, dues[^1] + plan.Allowed + (plan.Lease ?? TimeSpan.FromSeconds(10)) + TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
            }
        }

        var lastLog = bots[^1].Log;
        var states = await ChaosRecords.ReadAsync(database, cancellationToken).ConfigureAwait(false);
        return Judge(plan, database.Provider.ToString(), channels, dues, discord, states, lives, killedForGood, restarts, lastLog);
    }

    private static ChaosReport Judge(
        ChaosPlan plan,
        string engine,
        IReadOnlyList<string> channels,
        IReadOnlyList<DateTimeOffset> dues,
        FakeDiscordServer discord,
        IReadOnlyDictionary<int, ChaosRecords.Row> states,
        IReadOnlyList<(DateTimeOffset Ready, DateTimeOffset Killed)> lives,
        DateTimeOffset? killedForGood,
        IReadOnlyList<TimeSpan> restarts,
        string lastLog)
    {
        var problems = new List<string>();
        var kept = discord.Messages.Items
            .Select(m => (m.ChannelId, Index: Index(m.Body.ToJsonString()), Late: m.Body.ToJsonString().Contains("Sent late", StringComparison.Ordinal)))
            .Where(m => m.Index >= 0)
            .ToArray();
        var posts = discord.Requests.Items.Where(r => r.Route == Route && r.Status == 200).ToArray();
        var firstSent = posts
            .Select(r => (r.Parameters["channel_id"], Index: Index(r.Body?.ToJsonString() ?? string.Empty), r.At))
            .Where(p => p.Index >= 0)
            .GroupBy(p => p.Index)
            .ToDictionary(g => g.Key, g => g.Min(p => p.At));

        var delivered = kept.Select(m => (m.ChannelId, m.Index)).Distinct().Count();
        var worstOver = TimeSpan.MinValue;
        var worstLate = TimeSpan.Zero;
        var lateMarks = 0;
        var mismatches = 0;
        TimeSpan? takeover = null;
        for (var i = 0; i < dues.Count; i++)
        {
            var due = dues[i];
            foreach (var channel in channels.Where(c => !kept.Any(m => m.ChannelId == c && m.Index == i)))
            {
                problems.Add($"reminder {i} (due {due:HH:mm:ss.fff}) never reached channel {channel}");
            }

            if (!states.TryGetValue(i, out var row))
            {
                problems.Add($"reminder {i} has no row");
                continue;
            }

            if (!firstSent.TryGetValue(i, out var sent))
            {
                problems.Add($"reminder {i} was never posted; recorded {row.State}: {row.Error}");
                continue;
            }

            var allowedBy = AllowedBy(plan, due, lives, killedForGood);
            worstOver = Max(worstOver, sent - allowedBy);
            worstLate = Max(worstLate, sent - due);
            if (sent > allowedBy)
            {
                problems.Add($"reminder {i} due {due:HH:mm:ss.fff} first sent {sent:HH:mm:ss.fff}, allowed by {allowedBy:HH:mm:ss.fff}");
            }

            if (killedForGood is { } kill && due <= kill + TimeSpan.FromMilliseconds(300) && sent > kill)
            {
                takeover = Max(takeover ?? TimeSpan.Zero, sent - kill);
            }

            var texts = kept.Where(m => m.Index == i).Select(m => m.Late).Distinct().ToArray();
            var recordedLate = row.State == "late";
            lateMarks += recordedLate ? 1 : 0;
            if (row.State is not ("sent" or "late"))
            {
                problems.Add($"reminder {i} recorded {row.State}: {row.Error}");
                continue;
            }

            // The record, the text and the send time agree (a little slack either way for the send's own duration).
            var slack = TimeSpan.FromMilliseconds(500);
            var lateBySendTime = sent - due > plan.LateAfter + slack ? true : sent - due <= plan.LateAfter - slack ? false : (bool?)null;
            if (texts.Length != 1 || texts[0] != recordedLate || (lateBySendTime is { } expected && expected != recordedLate))
            {
                mismatches++;
                problems.Add($"reminder {i}: recorded {row.State}, texts late: [{string.Join(", ", texts)}], sent {(sent - due).TotalSeconds:F1}s after due");
            }
        }

        var missed = states.Values.Count(r => r.State is "missed" or "failed" or "pending" or "claimed");
        var doubled = kept.Length - delivered;
        if (doubled > 0)
        {
            problems.Add($"{doubled} doubled messages");
        }

        if (problems.Count > 0)
        {
            problems.Add($"last bot's log:\n{string.Join('\n', lastLog.Split('\n').TakeLast(30))}");
        }

        var median = restarts.Count == 0 ? TimeSpan.Zero : restarts.Order().ElementAt(restarts.Count / 2);
        return new ChaosReport(engine, plan.TwoNodes ? 1 : lives.Count - 1, dues.Count * channels.Count, delivered, doubled, posts.Length, missed, lateMarks, mismatches, worstOver, worstLate, median, takeover, problems);
    }

    // The latest a reminder may go out: Allowed after the first moment the bot can send it and keeps running a while
    // (a run killed within two seconds of that moment may have died holding it, so the next run is the one that counts).
    // With two nodes, a reminder the killed node may have claimed can be sent once its lease has run out.
    private static DateTimeOffset AllowedBy(ChaosPlan plan, DateTimeOffset due, IReadOnlyList<(DateTimeOffset Ready, DateTimeOffset Killed)> lives, DateTimeOffset? killedForGood)
    {
        if (killedForGood is { } kill)
        {
            var claimable = due <= kill + TimeSpan.FromMilliseconds(300) ? Max(due, kill + (plan.Lease ?? TimeSpan.FromSeconds(10))) : due;
            return claimable + plan.Allowed;
        }

        foreach (var (ready, killed) in lives)
        {
            var from = Max(due, ready);
            if (killed > from + TimeSpan.FromSeconds(2))
            {
                return from + plan.Allowed;
            }
        }

        return DateTimeOffset.MaxValue;
    }

    private static async Task<DateTimeOffset[]> SeedAsync(ITestDatabase database, IReadOnlyList<string> channels, ChaosPlan plan, CancellationToken cancellationToken)
    {
        await using var handle = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var organiser = new Person(Platform.Discord, "1500000000000000001", "Organiser");
        foreach (var channel in channels)
        {
            await handle.Store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, channel, $"#chaos-{channel[^1]}"), EventKinds.All, organiser, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
        }

        // Whole milliseconds, as the store keeps them.
        var first = DateTimeOffset.FromUnixTimeMilliseconds((DateTimeOffset.UtcNow + plan.Lead).ToUnixTimeMilliseconds());
        var dues = Enumerable.Range(0, plan.Reminders).Select(i => first + (plan.Spacing * i)).ToArray();
        for (var i = 0; i < dues.Length; i++)
        {
            await handle.Store.AddEventAsync(new CampaignEvent
            {
                Kind = EventKind.Rally,
                Title = $"Chaos {i:000}",
                Start = dues[i] + Before,
                TimeZoneId = "Europe/London",
                Reminders = new ReminderPlan([Before]),
                CreatedBy = organiser,
                CreatedAt = DateTimeOffset.UtcNow,
            }, cancellationToken).ConfigureAwait(false);
        }

        return dues;
    }

    // A due instant at or after `earliest`, among the next few, give or take a few hundred ms: kills land on sends.
    private static DateTimeOffset NextTarget(IReadOnlyList<DateTimeOffset> dues, DateTimeOffset earliest, Random random)
    {
        var upcoming = dues.Where(d => d >= earliest).Take(3).ToArray();
        var jitter = TimeSpan.FromMilliseconds(random.Next(-150, 250));
        return upcoming.Length == 0 ? earliest : upcoming[random.Next(upcoming.Length)] + jitter;
    }

    private static async Task SettleAsync(ITestDatabase database, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            var states = await ChaosRecords.ReadAsync(database, cancellationToken).ConfigureAwait(false);
            if (states.Count > 0 && states.Values.All(r => r.State is not ("pending" or "claimed")))
            {
                return;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task Until(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private static int Index(string body) =>
        ChaosTitle().Match(body) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    private static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    [GeneratedRegex(@"Reminder: Chaos (\d{3}) starts")]
    private static partial Regex ChaosTitle();
}
