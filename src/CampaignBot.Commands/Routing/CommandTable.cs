using CampaignBot.Core.Specs;

namespace CampaignBot.Commands.Routing;

/// <summary>Handlers by command path, checked against the catalog so a spec can't lack a handler.</summary>
public sealed class CommandTable
{
    private readonly Dictionary<string, CommandHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string path, CommandHandler handler)
    {
        if (CommandCatalog.Find(path) is null)
        {
            throw new InvalidOperationException($"No command spec for \"{path}\".");
        }

        if (!_handlers.TryAdd(path, handler))
        {
            throw new InvalidOperationException($"Two handlers for \"{path}\".");
        }
    }

    public IReadOnlyDictionary<string, CommandHandler> Complete()
    {
        var missing = CommandCatalog.All.Where(spec => !_handlers.ContainsKey(spec.Path)).Select(spec => spec.Path).ToArray();
        return missing.Length == 0
            ? _handlers
            : throw new InvalidOperationException($"Commands without a handler: {string.Join(", ", missing)}.");
    }
}
