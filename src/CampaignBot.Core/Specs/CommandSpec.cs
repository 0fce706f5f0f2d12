namespace CampaignBot.Core.Specs;

/// <summary>
/// One leaf command, named by its words (<c>event create</c>). The catalog of these is the single source
/// for text parsing, validation, help and Discord registration.
/// </summary>
public sealed record CommandSpec(string Path, string Description, IReadOnlyList<OptionSpec> Options, bool OrganiserOnly = false)
{
    public IReadOnlyList<string> Words { get; } = Path.Split(' ');

    public string? Example { get; init; }

    public OptionSpec? Option(string name) => Options.FirstOrDefault(option => string.Equals(option.Name, name, StringComparison.OrdinalIgnoreCase));

    public string Usage => Options.Count == 0 ? Path : $"{Path} {string.Join(' ', Options.Select(option => option.Usage))}";
}
