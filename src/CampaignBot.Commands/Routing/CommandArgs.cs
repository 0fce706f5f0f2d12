using System.Globalization;

namespace CampaignBot.Commands.Routing;

/// <summary>Option values after generic validation (present, within limits, valid choice), trimmed.</summary>
public sealed class CommandArgs(IReadOnlyDictionary<string, string> values)
{
    public static CommandArgs Empty { get; } = new(new Dictionary<string, string>());

    public IEnumerable<string> Names => values.Keys;

    public bool Has(string name) => values.ContainsKey(name);

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Required(string name) => values.TryGetValue(name, out var value)
        ? value
        : throw new InvalidOperationException($"Option {name} is required by its spec but was not validated as present.");

    public bool Flag(string name) => values.TryGetValue(name, out var value) && ArgumentValidator.TryParseBoolean(value, out var flag) && flag;

    public long? Integer(string name) => values.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : null;
}
