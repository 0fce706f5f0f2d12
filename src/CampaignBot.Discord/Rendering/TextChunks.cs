using System.Text;

namespace CampaignBot.Discord.Rendering;

/// <summary>Packs lines into chunks under a length limit, breaking between lines, then at spaces, then anywhere.</summary>
internal static class TextChunks
{
    public const string Ellipsis = "…";

    public static IReadOnlyList<string> Pack(IEnumerable<string> lines, int limit)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines.SelectMany(line => Break(line, limit)))
        {
            if (current.Length > 0 && current.Length + 1 + line.Length > limit)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }

    /// <summary>At most <paramref name="limit"/> characters, cut at a line break or space where possible, marked with "…".</summary>
    public static string Truncate(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var room = limit - Ellipsis.Length;
        var cut = text.LastIndexOf('\n', room - 1, room);
        if (cut < room / 2)
        {
            cut = text.LastIndexOf(' ', room - 1, room);
        }

        if (cut < room / 2)
        {
            cut = room;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    private static IEnumerable<string> Break(string line, int limit)
    {
        var rest = line;
        while (rest.Length > limit)
        {
            var cut = rest.LastIndexOf(' ', limit - 1, limit);
            if (cut < limit / 2)
            {
                cut = limit;
            }

            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }

        yield return rest;
    }
}
