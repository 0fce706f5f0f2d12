using System.Globalization;
using System.Text;

namespace CampaignBot.Core.Time;

/// <summary>How instants read in replies: the wall-clock time in the event's zone, with the zone named.</summary>
public static class TimeText
{
    /// <summary>e.g. <c>Sat 05 Dec 2026 12:00 Europe/London (UTC+00:00)</c>.</summary>
    public static string Format(DateTimeOffset instant, string timeZoneId) => AppendFormatted(new StringBuilder(64), instant, timeZoneId).ToString();

    /// <summary><see cref="Format"/> written straight into <paramref name="text"/> (no string of its own).</summary>
    public static StringBuilder AppendFormatted(StringBuilder text, DateTimeOffset instant, string timeZoneId)
    {
        var local = ToZone(instant, timeZoneId, out var zoneName);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        if (local.Second == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{local:ddd dd MMM yyyy HH:mm}");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{local:ddd dd MMM yyyy HH:mm:ss}");
        }

        return text.Append(CultureInfo.InvariantCulture, $" {zoneName} (UTC{sign}{offset.Duration():hh\\:mm})");
    }

    /// <summary>A short form for lists: <c>Sat 05 Dec 12:00</c>.</summary>
    public static string Short(DateTimeOffset instant, string timeZoneId) =>
        ToZone(instant, timeZoneId, out _).ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"in 3 days", "in 2 hours", "5 minutes ago", "now": to the nearest unit, so "in 2m" echoed a moment later is still "in 2 minutes".</summary>
    public static string Relative(DateTimeOffset instant, DateTimeOffset now)
    {
        var delta = instant - now;
        var size = delta.Duration();
        var amount = Math.Round(size.TotalSeconds, MidpointRounding.AwayFromZero) switch
        {
            < 1 => null,
            < 60 and var seconds => Plural((int)seconds, "second"),
            _ when Math.Round(size.TotalMinutes, MidpointRounding.AwayFromZero) is < 60 and var minutes => Plural((int)minutes, "minute"),
            _ when Math.Round(size.TotalHours, MidpointRounding.AwayFromZero) is < 48 and var hours => Plural((int)hours, "hour"),
            _ => Plural((int)Math.Round(size.TotalDays, MidpointRounding.AwayFromZero), "day"),
        };
        return amount is null ? "now" : delta > TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }

    public static DateTimeOffset ToZone(DateTimeOffset instant, string timeZoneId, out string zoneName)
    {
        if (Zones.TryResolve(timeZoneId, out var zone))
        {
            zoneName = zone.Id;
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        zoneName = "UTC";
        return instant.ToUniversalTime();
    }

    private static string Plural(int amount, string unit) => amount == 1 ? $"1 {unit}" : $"{amount} {unit}s";
}
