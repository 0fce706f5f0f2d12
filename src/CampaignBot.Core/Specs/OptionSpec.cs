namespace CampaignBot.Core.Specs;

/// <summary>
/// One option of a command. <see cref="Rest"/> lets the last positional option take the rest of the line
/// (<c>announce Strike is on!</c>). Limits are enforced on every platform and mirrored into Discord's definitions.
/// </summary>
public sealed record OptionSpec(string Name, string Description, OptionType Type, bool Required = false)
{
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public long? MinValue { get; init; }
    public long? MaxValue { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    public bool Rest { get; init; }

    /// <summary>Line breaks and tabs are kept (a description, an announcement); elsewhere they become spaces.</summary>
    public bool MultiLine { get; init; }

    /// <summary>Values the user could be offered while typing (events, zones, hashtags).</summary>
    public bool Autocomplete => Type is OptionType.Event or OptionType.TimeZone or OptionType.Hashtag;

    /// <summary>How the option reads in usage lines: <c>kind:&lt;march|strike&gt;</c>, <c>[location]</c>.</summary>
    public string Usage
    {
        get
        {
            var body = Choices.Count > 0 ? $"{Name}:<{string.Join('|', Choices)}>" : Name;
            return Required ? body : $"[{body}]";
        }
    }
}
