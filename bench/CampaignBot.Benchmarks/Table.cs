using System.Globalization;
using System.Text;

namespace CampaignBot.Benchmarks;

/// <summary>A plain-text table for benchmark output.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Row(params object[] cells)
    {
        _rows.Add(cells.Select(cell => cell switch
        {
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            float f => f.ToString("0.###", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => cell?.ToString() ?? string.Empty,
        }).ToArray());
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((header, i) => Math.Max(header.Length, _rows.Select(row => i < row.Length ? row[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) => text.AppendLine("| " + string.Join(" | ", widths.Select((w, i) => (i < cells.Count ? cells[i] : string.Empty).PadRight(w))) + " |");
        Line(headers);
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in _rows)
        {
            Line(row);
        }

        return text.ToString();
    }
}
