using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CampaignBot.Core.Specs;
using CampaignBot.Discord.Interactions;
using CampaignBot.Discord.Json;

namespace CampaignBot.Discord.Registration;

/// <summary>
/// The slash-command definitions, derived from <see cref="CommandCatalog"/>: one-word commands stand alone, groups
/// (<c>event</c>, <c>hashtag</c>) become commands with subcommands. Organiser-only commands carry
/// <c>default_member_permissions</c> MANAGE_EVENTS (a group only when all of it is organiser-only); the router
/// still checks at run time.
/// </summary>
internal static class CommandDefinitions
{
    private const int ChatInput = 1;
    private const int SubCommand = 1;
    private const int String = 3;
    private const int Integer = 4;
    private const int Boolean = 5;

    public static JsonArray Build()
    {
        var commands = new JsonArray();
        var emitted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in CommandCatalog.All)
        {
            var first = spec.Words[0];
            if (!emitted.Add(first))
            {
                continue;
            }

            if (spec.Words.Count == 1)
            {
                commands.Add((JsonNode)Command(first, spec.Description, Options(spec.Options), spec.OrganiserOnly));
                continue;
            }

            var group = CommandCatalog.FindGroup(first) ?? throw new InvalidOperationException($"No group named {first} in the catalog.");
            var members = CommandCatalog.InGroup(first).ToList();
            var subcommands = new JsonArray([.. members.Select(member => (JsonNode)new JsonObject
            {
                ["type"] = SubCommand,
                ["name"] = member.Words[1],
                ["description"] = member.Description,
                ["options"] = Options(member.Options),
            })]);
            commands.Add((JsonNode)Command(group.Name, group.Description, subcommands, members.All(member => member.OrganiserOnly)));
        }

        return commands;
    }

    /// <summary>A stable fingerprint of the definitions: registration happens only when it changes.</summary>
    public static string Hash(JsonArray commands) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonBytes.Of(commands)));

    private static JsonObject Command(string name, string description, JsonArray options, bool organiserOnly)
    {
        var command = new JsonObject
        {
            ["type"] = ChatInput,
            ["name"] = name,
            ["description"] = description,
            ["options"] = options,
        };
        if (organiserOnly)
        {
            // The OpenAPI spec types this as an integer bitset (the docs show a string); Discord accepts both.
            command["default_member_permissions"] = Organisers.ManageEvents;
        }

        return command;
    }

    private static JsonArray Options(IEnumerable<OptionSpec> options) => new([.. options.Select(Option)]);

    private static JsonNode Option(OptionSpec spec)
    {
        var option = new JsonObject
        {
            ["type"] = spec.Type switch
            {
                OptionType.Integer => Integer,
                OptionType.Boolean => Boolean,
                _ => String,
            },
            ["name"] = spec.Name,
            ["description"] = spec.Description,
        };
        if (spec.Required)
        {
            option["required"] = true;
        }

        if (spec.Choices.Count > 0)
        {
            option["choices"] = new JsonArray([.. spec.Choices.Select(choice => (JsonNode)new JsonObject { ["name"] = choice, ["value"] = choice })]);
        }
        else if (spec.Autocomplete)
        {
            option["autocomplete"] = true;
        }

        if (spec.Type is OptionType.Integer)
        {
            SetIf(option, "min_value", spec.MinValue);
            SetIf(option, "max_value", spec.MaxValue);
        }
        else if (spec.Type is not OptionType.Boolean)
        {
            SetIf(option, "min_length", spec.MinLength);
            SetIf(option, "max_length", spec.MaxLength);
        }

        return option;
    }

    private static void SetIf(JsonObject target, string name, long? value)
    {
        if (value is { } v)
        {
            target[name] = v;
        }
    }
}
