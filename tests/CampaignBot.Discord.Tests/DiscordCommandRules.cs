using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CampaignBot.Discord.Tests;

/// <summary>Discord's rules for application commands (developers/interactions/application-commands), as a checker.</summary>
internal static partial class DiscordCommandRules
{
    private const int MaxOptions = 25;
    private const int MaxChoices = 25;
    private const int MaxTotalCharacters = 8000;

    public static IEnumerable<string> Check(JsonObject command, string where)
    {
        var problems = new List<string>();
        var total = 0;
        CheckNamed(command, where, problems, ref total);
        CheckOptions(command["options"] as JsonArray, where, problems, ref total, depth: 0);
        if (total > MaxTotalCharacters)
        {
            problems.Add($"{where}: names, descriptions and values total {total} characters (max {MaxTotalCharacters})");
        }

        return problems;
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();

    private static void CheckNamed(JsonObject node, string where, List<string> problems, ref int total)
    {
        var name = node["name"]?.GetValue<string>() ?? string.Empty;
        var description = node["description"]?.GetValue<string>() ?? string.Empty;
        total += name.Length + description.Length;
        if (!NamePattern().IsMatch(name))
        {
            problems.Add($"{where}: name \"{name}\" breaks ^[-_'\\p{{L}}\\p{{N}}]{{1,32}}$");
        }

        if (name != name.ToLowerInvariant())
        {
            problems.Add($"{where}: name \"{name}\" is not lower case");
        }

        if (description.Length is < 1 or > 100)
        {
            problems.Add($"{where}: description is {description.Length} characters (1–100)");
        }
    }

    private static void CheckOptions(JsonArray? options, string where, List<string> problems, ref int total, int depth)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > MaxOptions)
        {
            problems.Add($"{where}: {options.Count} options (max {MaxOptions})");
        }

        var seenOptional = false;
        var names = new HashSet<string>();
        foreach (var option in options.Select(o => o!.AsObject()))
        {
            var name = option["name"]!.GetValue<string>();
            var here = $"{where} {name}";
            CheckNamed(option, here, problems, ref total);
            if (!names.Add(name))
            {
                problems.Add($"{here}: duplicate option name");
            }

            var type = option["type"]!.GetValue<int>();
            if (type is 1 or 2)
            {
                if (depth >= (type == 2 ? 1 : 2))
                {
                    problems.Add($"{here}: subcommand nested too deep");
                }

                CheckOptions(option["options"] as JsonArray, here, problems, ref total, depth + 1);
                continue;
            }

            if (type is < 3 or > 11)
            {
                problems.Add($"{here}: option type {type} is not a parameter type");
            }

            var required = option["required"]?.GetValue<bool>() == true;
            if (required && seenOptional)
            {
                problems.Add($"{here}: required option after an optional one");
            }

            seenOptional |= !required;
            var choices = option["choices"] as JsonArray;
            if (choices is not null && option["autocomplete"]?.GetValue<bool>() == true)
            {
                problems.Add($"{here}: autocomplete and choices together");
            }

            foreach (var choice in choices ?? [])
            {
                var choiceName = choice!["name"]!.GetValue<string>();
                var value = choice["value"]!.ToString();
                total += choiceName.Length + value.Length;
                if (choiceName.Length is < 1 or > 100 || value.Length > 100)
                {
                    problems.Add($"{here}: choice \"{choiceName}\" longer than 100 characters");
                }
            }

            if (choices?.Count > MaxChoices)
            {
                problems.Add($"{here}: {choices.Count} choices (max {MaxChoices})");
            }

            if (option["min_length"]?.GetValue<long>() is { } min && min is < 0 or > 6000)
            {
                problems.Add($"{here}: min_length {min} outside 0–6000");
            }

            if (option["max_length"]?.GetValue<long>() is { } max && max is < 1 or > 6000)
            {
                problems.Add($"{here}: max_length {max} outside 1–6000");
            }

            if ((option["min_length"] is not null || option["max_length"] is not null) && type != 3)
            {
                problems.Add($"{here}: length limits on a non-string option");
            }

            if ((option["min_value"] is not null || option["max_value"] is not null) && type is not (4 or 10))
            {
                problems.Add($"{here}: value limits on a non-numeric option");
            }
        }
    }
}
