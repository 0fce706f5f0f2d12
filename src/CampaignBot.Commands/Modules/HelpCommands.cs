using CampaignBot.Commands.Parsing;
using CampaignBot.Commands.Routing;
using CampaignBot.Core.Results;
using CampaignBot.Core.Specs;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Modules;

/// <summary><c>help</c> and <c>help &lt;command&gt;</c>, written from the catalog so they can't drift from it.</summary>
public sealed class HelpCommands : ICommandModule
{
    public void Register(CommandTable table) => table.Add("help", (request, _) => Task.FromResult(Help(request)));

    private static Result<Reply> Help(CommandRequest request)
    {
        var topic = request.Args.Get("command")?.Trim().TrimStart('/').ToLowerInvariant();
        if (string.IsNullOrEmpty(topic))
        {
            return Overview();
        }

        if (CommandCatalog.Find(topic) is { } spec)
        {
            return Detail(spec);
        }

        if (CommandCatalog.FindGroup(topic) is { } group)
        {
            var reply = new ReplyBuilder($"{group.Name} — {group.Description}");
            foreach (var sub in CommandCatalog.InGroup(group.Name))
            {
                reply.Line($"{sub.Usage}{Marker(sub)} — {sub.Description}");
            }

            return reply.Line($"More: help {group.Name} <subcommand>").Build();
        }

        var known = CommandCatalog.All.Select(s => s.Path).Concat(CommandCatalog.Groups.Select(g => g.Name));
        var closest = Suggestions.Closest(topic, known);
        return Error.NotFound(
            $"There is no command \"{TextCommandParser.Clip(topic)}\".{(closest is null ? string.Empty : $" Did you mean {closest}?")}",
            "Type help for the list.");
    }

    private static Reply Overview()
    {
        var reply = new ReplyBuilder("CampaignBot commands (* = organisers only)");
        foreach (var spec in CommandCatalog.All)
        {
            reply.Line($"{spec.Path}{Marker(spec)} — {spec.Description}");
        }

        return reply
            .Line("Details: help <command>, e.g. help event create.")
            .Line("Values: name:value or in order; quote values with spaces (title:\"Save our NHS\"). Events: their id or the start of their title.")
            .Line("Times: 2026-12-05 12:00 (campaign zone), 2026-12-05T12:00+00:00, in 2h, tomorrow 09:30, saturday 12:00.")
            .Build();
    }

    private static Reply Detail(CommandSpec spec)
    {
        var reply = new ReplyBuilder($"{spec.Path} — {spec.Description}")
            .Line($"Usage: {spec.Usage}")
            .LineIf(spec.OrganiserOnly, "Organisers only.");
        if (spec.Options.Count > 0)
        {
            reply.Line("Options:");
            foreach (var option in spec.Options)
            {
                reply.Line($"  {option.Name}{(option.Required ? " (required)" : string.Empty)}: {option.Description}{Constraint(option)}");
            }
        }

        return reply
            .LineIf(spec.Example is not null, $"Example: {spec.Example}")
            .LineIf(spec.Options.Any(o => o.Type == OptionType.When), WhenParser.Formats)
            .Build();
    }

    private static string Constraint(OptionSpec option) => option switch
    {
        { Choices.Count: > 0 } => $" — one of {string.Join(", ", option.Choices)}",
        { Type: OptionType.Integer, MinValue: { } min, MaxValue: { } max } => $" — {min} to {max}",
        { Type: OptionType.Boolean } => " — true or false",
        { Type: OptionType.Text, MaxLength: { } max } => $" — up to {max} characters",
        _ => string.Empty,
    };

    private static string Marker(CommandSpec spec) => spec.OrganiserOnly ? "*" : string.Empty;
}
