using System.Globalization;
using System.Text;

namespace CampaignBot.Core.Time;

/// <summary>Durations as users type them: <c>45s</c>, <c>10m</c>, <c>2h</c>, <c>3d</c>, <c>1w</c>, combined (<c>1h30m</c>) or <c>0</c>.</summary>
public static class Durations
{
    public static readonly TimeSpan Max = TimeSpan.FromDays(366);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var span = text.Trim().ToLowerInvariant().AsSpan();
        if (span is "0")
        {
            return true;
        }

        var total = TimeSpan.Zero;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits > 6 || digits == span.Length)
            {
                return false;
            }

            var amount = int.Parse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = span[digits];
            total += unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero || total > Max)
            {
                return false;
            }

            span = span[(digits + 1)..];
        }

        duration = total;
        return true;
    }

    /// <summary>The shortest exact form: <c>7d</c>, <c>1h30m</c>, <c>0</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0";
        }

        var text = new StringBuilder();
        Append(text, duration.Days, 'd');
        Append(text, duration.Hours, 'h');
        Append(text, duration.Minutes, 'm');
        Append(text, duration.Seconds, 's');
        return text.ToString();
    }

    private static void Append(StringBuilder text, int amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
