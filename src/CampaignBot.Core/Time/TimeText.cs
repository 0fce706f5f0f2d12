using System.Globalization;

namespace CampaignBot.Core.Time;

/// <summary>How instants read in replies: the wall-clock time in the event's zone, with the zone named.</summary>
public static class TimeText
{
    /// <summary>e.g. <c>Sat 05 Dec 2026 12:00 Europe/London (UTC+00:00)</c>.</summary>
    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var local = ToZone(instant, timeZoneId, out var zoneName);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var clock = local.Second == 0
            ? local.ToString("ddd dd MMM yyyy HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("ddd dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        return $"{clock} {zoneName} (UTC{sign}{offset.Duration():hh\\:mm})";
    }

    /// <summary>A short form for lists: <c>Sat 05 Dec 12:00</c>.</summary>
    public static string Short(DateTimeOffset instant, string timeZoneId) =>
        ToZone(instant, timeZoneId, out _).ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"in 3 days", "in 2 hours", "5 minutes ago", "now".</summary>
    public static string Relative(DateTimeOffset instant, DateTimeOffset now)
    {
        var delta = instant - now;
        var size = delta.Duration();
        var amount = size switch
        {
            _ when size < TimeSpan.FromSeconds(1) => null,
            _ when size < TimeSpan.FromMinutes(1) => Plural((int)size.TotalSeconds, "second"),
            _ when size < TimeSpan.FromHours(1) => Plural((int)size.TotalMinutes, "minute"),
            _ when size < TimeSpan.FromDays(2) => Plural((int)size.TotalHours, "hour"),
            _ => Plural((int)size.TotalDays, "day"),
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
