using System.Text;

namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// An RFC 8288 <c>Link</c> header parser: comma-separated <c>&lt;uri&gt;; param=value</c> entries, where values may be
/// quoted strings (with backslash escapes) and <c>rel</c> may hold several space-separated relation types. Commas
/// inside the URI or a quoted value do not split entries.
/// </summary>
internal static class LinkHeader
{
    /// <summary>Relation type (lower-case) → target, resolved against <paramref name="baseUri"/>; the first link per rel wins.</summary>
    public static IReadOnlyDictionary<string, Uri> Parse(string? header, Uri baseUri)
    {
        var links = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(header))
        {
            return links;
        }

        var i = 0;
        while (i < header.Length)
        {
            var open = header.IndexOf('<', i);
            if (open < 0)
            {
                break;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            var target = header[(open + 1)..close].Trim();
            i = close + 1;
            var rels = new List<string>();
            while (i < header.Length && header[i] != ',')
            {
                if (header[i] != ';')
                {
                    i++;
                    continue;
                }

                i++;
                var (name, value, next) = ReadParameter(header, i);
                i = next;
                if (name.Equals("rel", StringComparison.OrdinalIgnoreCase) && rels.Count == 0)
                {
                    rels.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }
            }

            if (Uri.TryCreate(baseUri, target, out var uri))
            {
                foreach (var rel in rels)
                {
                    links.TryAdd(rel.ToLowerInvariant(), uri);
                }
            }

            i++;
        }

        return links;
    }

    /// <summary>A query parameter's decoded value, or null.</summary>
    public static string? QueryValue(Uri uri, string name)
    {
        var query = uri.IsAbsoluteUri ? uri.Query : string.Empty;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (key == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    private static (string Name, string Value, int Next) ReadParameter(string header, int i)
    {
        var start = i;
        while (i < header.Length && header[i] is not ('=' or ';' or ','))
        {
            i++;
        }

        var name = header[start..i].Trim();
        if (i >= header.Length || header[i] != '=')
        {
            return (name, string.Empty, i);
        }

        i++;
        while (i < header.Length && header[i] == ' ')
        {
            i++;
        }

        if (i < header.Length && header[i] == '"')
        {
            var value = new StringBuilder();
            i++;
            while (i < header.Length && header[i] != '"')
            {
                if (header[i] == '\\' && i + 1 < header.Length)
                {
                    i++;
                }

                value.Append(header[i]);
                i++;
            }

            return (name, value.ToString(), Math.Min(i + 1, header.Length));
        }

        start = i;
        while (i < header.Length && header[i] is not (';' or ','))
        {
            i++;
        }

        return (name, header[start..i].Trim(), i);
    }
}
