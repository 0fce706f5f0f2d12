using System.Globalization;
using CampaignBot.Core.Results;
using CampaignBot.Core.Specs;
using CampaignBot.Core.Text;

namespace CampaignBot.Commands.Routing;

/// <summary>
/// Checks raw option values against a <see cref="CommandSpec"/>: known names, required present, lengths, choices,
/// numbers and flags. Values whose meaning needs context (times, events, zones) are checked by the commands.
/// </summary>
public static class ArgumentValidator
{
    public static Result<CommandArgs> Validate(CommandSpec spec, IReadOnlyDictionary<string, string> raw)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in raw)
        {
            if (spec.Option(name) is not { } option)
            {
                return Error.BadInput($"Unknown option \"{UserText.Shown(name)}\" for {spec.Path}.", $"Its options: {string.Join(", ", spec.Options.Select(o => o.Name))}.");
            }

            // Cleaned once, here, whatever surface it came from: nothing stored or echoed carries a control character.
            if (!UserText.Clean(value, option.Name, option.MultiLine).TryGet(out var clean, out var unclean))
            {
                return unclean;
            }

            if (!Check(spec, option, clean.Trim()).TryGet(out var normalised, out var error))
            {
                return error;
            }

            if (normalised.Length > 0)
            {
                values[option.Name] = normalised;
            }
        }

        var missing = spec.Options.Where(option => option.Required && !values.ContainsKey(option.Name)).Select(option => option.Name).ToArray();
        if (missing.Length > 0)
        {
            return Error.BadInput($"{spec.Path} needs {Join(missing)}.", $"Usage: {spec.Usage}{(spec.Example is null ? string.Empty : $" — e.g. {spec.Example}")}");
        }

        return new CommandArgs(values);
    }

    public static bool TryParseBoolean(string value, out bool flag)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "on" or "1":
                flag = true;
                return true;
            case "false" or "no" or "n" or "off" or "0":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    private static Result<string> Check(CommandSpec spec, OptionSpec option, string value)
    {
        if (option.MaxLength is { } max && value.Length > max)
        {
            return Error.BadInput($"{option.Name} is too long ({value.Length:N0} characters; at most {max}).", "Shorten it and try again.");
        }

        if (value.Length == 0 || (option.MinLength is { } min && value.Length < min))
        {
            return option.Required
                ? Error.BadInput($"{option.Name} can't be empty.", $"Usage: {spec.Usage}")
                : value;
        }

        switch (option.Type)
        {
            case OptionType.Choice:
                var choice = option.Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
                return choice ?? Result<string>.Fail(Error.BadInput(
                    $"{option.Name} must be one of {string.Join(", ", option.Choices)} (got \"{TrimForMessage(value)}\").",
                    $"e.g. {option.Name}:{option.Choices[0]}"));
            case OptionType.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    || number < (option.MinValue ?? long.MinValue) || number > (option.MaxValue ?? long.MaxValue))
                {
                    return Error.BadInput($"{option.Name} must be a whole number{Range(option)} (got \"{TrimForMessage(value)}\").");
                }

                return number.ToString(CultureInfo.InvariantCulture);
            case OptionType.Boolean:
                return TryParseBoolean(value, out var flag)
                    ? (flag ? "true" : "false")
                    : Result<string>.Fail(Error.BadInput($"{option.Name} must be true or false (got \"{TrimForMessage(value)}\")."));
            default:
                return value;
        }
    }

    private static string Range(OptionSpec option) => (option.MinValue, option.MaxValue) switch
    {
        ({ } min, { } max) => $" from {min} to {max}",
        ({ } min, null) => $" of at least {min}",
        (null, { } max) => $" of at most {max}",
        _ => string.Empty,
    };

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    private static string TrimForMessage(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
