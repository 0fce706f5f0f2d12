using System.Collections.Frozen;

namespace CampaignBot.Core.Time;

/// <summary>IANA time zones by name, case-insensitively, from the system's tz database.</summary>
public static class Zones
{
    private static readonly Lazy<FrozenDictionary<string, string>> Known = new(LoadKnownIds);

    /// <summary>All canonical IANA ids the system knows, sorted: the source for autocomplete.</summary>
    public static IReadOnlyList<string> Ids => Known.Value.Values.Distinct().Order(StringComparer.Ordinal).ToArray();

    public static bool TryResolve(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
        {
            return false;
        }

        var trimmed = name.Trim();
        if (Known.Value.TryGetValue(trimmed, out var canonical))
        {
            trimmed = canonical;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(trimmed);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Zone ids containing <paramref name="text"/>, best matches (prefix of the city) first.</summary>
    public static IReadOnlyList<string> Search(string text, int limit)
    {
        var ids = Ids;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ids.Take(limit).ToArray();
        }

        var needle = text.Trim();
        return ids
            .Where(id => id.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(id => id.StartsWith(needle, StringComparison.OrdinalIgnoreCase) || id[(id.LastIndexOf('/') + 1)..].StartsWith(needle, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(id => id, StringComparer.Ordinal)
            .Take(limit)
            .ToArray();
    }

    private static FrozenDictionary<string, string> LoadKnownIds()
    {
        var ids = TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id).Append("UTC");
        return ids.Distinct(StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);
    }
}
