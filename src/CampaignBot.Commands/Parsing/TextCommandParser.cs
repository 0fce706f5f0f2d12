using System.Text.RegularExpressions;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Results;
using CampaignBot.Core.Specs;
using CampaignBot.Core.Text;

namespace CampaignBot.Commands.Parsing;

/// <summary>
/// Turns a line such as <c>/event create kind:march title:"Save our NHS" when:"2026-12-05 12:00"</c> or
/// <c>rsvp 3 going</c> into a <see cref="CommandInvocation"/>. Positional values come first and fill options in
/// declared order (the last one, if text or an event, takes the rest of the line: <c>event info save our nhs</c>);
/// after a <c>name:value</c>, further bare words continue that value.
/// </summary>
public static partial class TextCommandParser
{
    public static Result<CommandInvocation> Parse(string? line, CommandContext context)
    {
        var text = line?.Trim() ?? string.Empty;
        if (text.Length > Limits.InputLine)
        {
            return Error.BadInput($"That line is too long ({text.Length:N0} characters; commands take at most {Limits.InputLine:N0}).", "Type help to see the commands.");
        }

        text = text.TrimStart('/', '!').TrimStart();
        if (text.Length == 0)
        {
            return Error.BadInput("Type a command.", "Try help or event list.");
        }

        if (!Tokenizer.Split(text).TryGet(out var tokens, out var tokenError))
        {
            return tokenError;
        }

        if (!ResolveSpec(tokens).TryGet(out var resolved, out var specError))
        {
            return specError;
        }

        var (spec, consumed) = resolved;
        return BindOptions(spec, tokens.Skip(consumed).ToArray()).Map(options => new CommandInvocation(spec.Words, options, context));
    }

    private static Result<(CommandSpec Spec, int Consumed)> ResolveSpec(IReadOnlyList<Token> tokens)
    {
        var first = tokens[0];
        if (first.Name is not null || first.Quoted)
        {
            return Error.BadInput($"\"{Clip(first.Raw)}\" isn't a command.", "Start with a command word; type help for the list.");
        }

        var word = first.Value.ToLowerInvariant();
        if (CommandCatalog.FindGroup(word) is { } group)
        {
            var subcommands = CommandCatalog.InGroup(group.Name).Select(spec => spec.Words[1]).ToArray();
            var second = tokens.Count > 1 && tokens[1].Name is null && !tokens[1].Quoted ? tokens[1].Value.ToLowerInvariant() : null;
            if (second is not null && CommandCatalog.Find($"{group.Name} {second}") is { } sub)
            {
                return (sub, 2);
            }

            var closest = second is null ? null : Suggestions.Closest(second, subcommands);
            var message = second is null
                ? $"{group.Name} needs a subcommand: {string.Join(", ", subcommands)}."
                : $"{group.Name} has no subcommand \"{Clip(second)}\"{(closest is null ? "." : $". Did you mean {group.Name} {closest}?")}";
            return Error.BadInput(message, $"e.g. {group.Name} {subcommands[0]}; help {group.Name} explains each.");
        }

        if (CommandCatalog.Find(word) is { } spec)
        {
            return (spec, 1);
        }

        var known = CommandCatalog.All.Select(s => s.Words[0]).Distinct();
        var suggestion = Suggestions.Closest(word, known);
        return Error.NotFound(
            $"Unknown command \"{Clip(word)}\".{(suggestion is null ? string.Empty : $" Did you mean {suggestion}?")}",
            "Type help to see every command.");
    }

    private static Result<IReadOnlyDictionary<string, string>> BindOptions(CommandSpec spec, IReadOnlyList<Token> tokens)
    {
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<Token>();
        string? continuing = null;
        foreach (var token in tokens)
        {
            if (token.Name is not null && spec.Option(token.Name) is { } option)
            {
                if (!named.TryAdd(option.Name, token.Value))
                {
                    return Error.BadInput($"{option.Name} is given twice.", $"Give it once. Usage: {spec.Usage}");
                }

                continuing = option.Name;
            }
            else if (token.Name is not null && token.Value.Length > 0 && (continuing is null || LooksLikeMistypedOption(spec, token.Name)))
            {
                return UnknownOption(spec, token.Name);
            }
            else if (continuing is not null)
            {
                // A word that only looks like name:value (e.g. "Note:") is ordinary text here.
                named[continuing] = $"{named[continuing]} {(token.Name is null ? token.Value : token.Raw)}";
            }
            else
            {
                positional.Add(token.Name is null ? token : token with { Name = null, Value = token.Raw });
            }
        }

        return AssignPositional(spec, positional, named);
    }

    private static Result<IReadOnlyDictionary<string, string>> AssignPositional(CommandSpec spec, List<Token> positional, Dictionary<string, string> named)
    {
        var free = new Queue<OptionSpec>(spec.Options.Where(option => !named.ContainsKey(option.Name)));
        for (var index = 0; index < positional.Count; index++)
        {
            if (!free.TryDequeue(out var option))
            {
                return Error.BadInput(
                    $"Too many values: \"{Clip(positional[index].Value)}\" has no option to go to.",
                    $"Quote values that contain spaces. Usage: {spec.Usage}");
            }

            var value = positional[index].Value;
            if (option.Rest || (free.Count == 0 && option.Type is OptionType.Text or OptionType.Event))
            {
                value = string.Join(' ', positional.Skip(index).Select(token => token.Value));
                index = positional.Count;
            }
            else if (option.Type == OptionType.When && index + 1 < positional.Count && !positional[index].Quoted && ContinuesWhen(value, positional[index + 1].Value))
            {
                value = $"{value} {positional[++index].Value}";
            }

            named[option.Name] = value;
        }

        return named;
    }

    /// <summary>Lets <c>tomorrow 12:00</c>, <c>2026-12-05 12:00</c> and <c>in 2h</c> be typed without quotes.</summary>
    private static bool ContinuesWhen(string first, string next) =>
        (string.Equals(first, "in", StringComparison.OrdinalIgnoreCase) && next.Length > 0 && char.IsAsciiDigit(next[0]))
        || ClockTime().IsMatch(next);

    private static bool LooksLikeMistypedOption(CommandSpec spec, string name) =>
        Suggestions.Closest(name, spec.Options.Select(option => option.Name), maxDistance: 2) is not null;

    private static Error UnknownOption(CommandSpec spec, string name)
    {
        var names = spec.Options.Select(option => option.Name).ToArray();
        var closest = Suggestions.Closest(name, names);
        var message = names.Length == 0
            ? $"{spec.Path} takes no options, but got \"{Clip(name)}\"."
            : $"Unknown option \"{Clip(name)}\" for {spec.Path}.{(closest is null ? string.Empty : $" Did you mean {closest}?")}";
        return Error.BadInput(message, names.Length == 0 ? $"Type just: {spec.Path}" : $"Its options: {string.Join(", ", names)}.");
    }

    internal static string Clip(string text)
    {
        var shown = UserText.Shown(text);
        return shown.Length <= 40 ? shown : string.Concat(shown.AsSpan(0, 40), "…");
    }

    [GeneratedRegex(@"^\d{1,2}:\d{2}$")]
    private static partial Regex ClockTime();
}
