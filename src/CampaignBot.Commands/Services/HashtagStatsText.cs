using System.Globalization;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Services;

/// <summary>Renders a hashtag's momentum: total, busiest hour, trend against the previous period, per-day sparkline.</summary>
public static class HashtagStatsText
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static Reply Render(string tag, int days, string zoneId, DateTimeOffset now, IReadOnlyList<HourlyCount> current, IReadOnlyList<HourlyCount> previous)
    {
        var total = current.Sum(c => c.Mentions);
        var before = previous.Sum(c => c.Mentions);
        var reply = new ReplyBuilder($"#{tag} — last {days} day{(days == 1 ? string.Empty : "s")}");
        if (total == 0 && before == 0)
        {
            return reply.Line($"No mentions recorded yet. Counting runs while a hashtag source (Mastodon) is connected.").Build();
        }

        reply.Line($"{total.ToString("N0", CultureInfo.InvariantCulture)} mentions");
        if (current.Count > 0)
        {
            var busiest = current.MaxBy(c => c.Mentions)!;
            reply.Line("Busiest hour: ", new TimeFragment(busiest.Hour, zoneId), $" ({busiest.Mentions.ToString("N0", CultureInfo.InvariantCulture)})");
        }

        reply.Line($"Trend: {Trend(total, before)} vs the previous {days} day{(days == 1 ? string.Empty : "s")} ({before.ToString("N0", CultureInfo.InvariantCulture)})");
        var perDay = PerDay(current, days, zoneId, now);
        return reply
            .Line($"Per day: {Sparkline(perDay.Select(d => d.Mentions).ToArray())}  ({perDay[0].Day:ddd dd MMM} → {perDay[^1].Day:ddd dd MMM})")
            .Build();
    }

    public static string Sparkline(IReadOnlyList<int> values)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        return string.Concat(values.Select(v => max == 0 || v == 0 ? ' ' : Bars[(int)Math.Round((double)v / max * (Bars.Length - 1))]).Select(c => c == ' ' ? '·' : c));
    }

    private static string Trend(int total, int before) => before == 0
        ? (total == 0 ? "flat" : "▲ new")
        : total >= before
            ? $"▲ {Percent(total - before, before)}"
            : $"▼ {Percent(before - total, before)}";

    private static string Percent(int change, int of) => $"{(int)Math.Round(100.0 * change / of)}%";

    private static (DateOnly Day, int Mentions)[] PerDay(IReadOnlyList<HourlyCount> counts, int days, string zoneId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeText.ToZone(now, zoneId, out _).DateTime);
        var buckets = Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1)).ToDictionary(day => day, _ => 0);
        foreach (var count in counts)
        {
            var day = DateOnly.FromDateTime(TimeText.ToZone(count.Hour, zoneId, out _).DateTime);
            if (buckets.ContainsKey(day))
            {
                buckets[day] += count.Mentions;
            }
        }

        return buckets.OrderBy(b => b.Key).Select(b => (b.Key, b.Value)).ToArray();
    }
}
