using System.Globalization;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Web.Pages;

/// <summary>
/// A hashtag's last 7 days as an inline SVG bar chart, one bar a day (today last), drawn with attributes only (the
/// page's Content-Security-Policy allows no inline style). The numbers are also in the accessible description.
/// </summary>
internal static class MomentumChart
{
    private const int Width = 320;
    private const int Height = 120;
    private const int Bars = 7;
    private const int Top = 18;
    private const int Bottom = 22;

    /// <summary>Mentions per day for the 7 days ending at <paramref name="now"/>, oldest first.</summary>
    public static int[] Daily(IReadOnlyList<HourlyCount> hours, DateTimeOffset now)
    {
        var days = new int[Bars];
        foreach (var hour in hours)
        {
            var daysAgo = (int)Math.Floor((now - hour.Hour).TotalDays);
            if (daysAgo is >= 0 and < Bars)
            {
                days[Bars - 1 - daysAgo] += hour.Mentions;
            }
        }

        return days;
    }

    public static void Write(Html html, string id, string tag, int[] days, string[] labels)
    {
        var max = Math.Max(1, days.Max());
        var slot = Width / (double)Bars;
        var describe = string.Join(", ", days.Select((count, i) => $"{labels[i]}: {count}"));
        html.Raw($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Raw($"<title id=\"{id}-t\">").Text($"#{tag}: mentions per day, last 7 days").Raw("</title>")
            .Raw($"<desc id=\"{id}-d\">").Text(describe).Raw("</desc>")
            .Raw($"<line x1=\"0\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\" stroke=\"#5a5a5a\" stroke-width=\"1\"/>");
        for (var i = 0; i < Bars; i++)
        {
            var barHeight = (Height - Top - Bottom) * days[i] / (double)max;
            var x = (i * slot) + (slot * 0.15);
            var y = Height - Bottom - barHeight;
            html.Raw(Invariant($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{barHeight:0.#}\" fill=\"{(i == Bars - 1 ? "#0b5394" : "#3d85c6")}\"/>"))
                .Raw(Invariant($"<text x=\"{x + (slot * 0.35):0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\">{days[i]}</text>"))
                .Raw(Invariant($"<text x=\"{x + (slot * 0.35):0.#}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\">")).Text(labels[i]).Raw("</text>");
        }

        html.Raw("</svg>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
