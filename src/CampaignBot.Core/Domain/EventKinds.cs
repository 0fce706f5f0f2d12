namespace CampaignBot.Core.Domain;

/// <summary>Parsing and naming of <see cref="EventKind"/> in the words users type.</summary>
public static class EventKinds
{
    public static IReadOnlyList<EventKind> All { get; } = Enum.GetValues<EventKind>();

    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToArray();

    public static string Name(EventKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The kind's name for several of them, as a heading or link says it: marches, rallies, online actions.</summary>
    public static string PluralName(EventKind kind) => kind switch
    {
        EventKind.March => "marches",
        EventKind.Rally => "rallies",
        EventKind.Online => "online actions",
        _ => Name(kind) + "s",
    };

    /// <summary>For values already validated against the kind choices.</summary>
    public static EventKind Parse(string text) =>
        TryParse(text, out var kind) ? kind : throw new ArgumentException($"Not an event kind: {text}", nameof(text));

    public static bool TryParse(string text, out EventKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
