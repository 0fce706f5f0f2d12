using System.Collections.Frozen;
using CampaignBot.Commands.Parsing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Specs;
using CampaignBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Commands.Routing;

/// <summary>The one command tree every adapter feeds: resolves, authorises, validates and runs commands.</summary>
public sealed class CommandRouter : ICommandRouter
{
    private readonly FrozenDictionary<string, CommandHandler> _handlers;
    private readonly ILogger<CommandRouter> _logger;
    private readonly CompletionProvider _completions;

    public CommandRouter(IEnumerable<ICommandModule> modules, CompletionProvider completions, ILogger<CommandRouter> logger)
    {
        _completions = completions;
        var table = new CommandTable();
        foreach (var module in modules)
        {
            module.Register(table);
        }

        _handlers = table.Complete().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _logger = logger;
    }

    public async Task<Result<Reply>> HandleTextAsync(string text, CommandContext context, CancellationToken cancellationToken)
    {
        try
        {
            // The whole line is cleaned before parsing, so no parse error can quote a control character back; each
            // value is cleaned again (idempotently) for its own option's rule on line breaks.
            return UserText.Clean(text, "The command", multiLine: true).TryGet(out var clean, out var unclean)
                ? TextCommandParser.Parse(clean, context).TryGet(out var invocation, out var error)
                    ? await HandleAsync(invocation, cancellationToken).ConfigureAwait(false)
                    : error
                : unclean;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CommandFailed(_logger, exception, "that command");
            return Error.Internal("that command");
        }
    }

    public async Task<IReadOnlyList<Completion>> CompleteAsync(IReadOnlyList<string> path, string option, string partial, int limit, CancellationToken cancellationToken)
    {
        if (CommandCatalog.Find(string.Join(' ', path))?.Option(option) is not { Autocomplete: true } spec)
        {
            return [];
        }

        try
        {
            return await _completions.CompleteAsync(spec, partial, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // No suggestions is all a person typing sees; the bug is logged here, as for a command.
            Log.CompletionFailed(_logger, exception, spec.Name, string.Join(' ', path));
            return [];
        }
    }

    public async Task<Result<Reply>> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var path = TextCommandParser.Clip(string.Join(' ', invocation.Path));
            Log.CommandFailed(_logger, exception, path);
            return Error.Internal(path);
        }
    }

    private async Task<Result<Reply>> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var path = string.Join(' ', invocation.Path);
        if (path.Length == 0)
        {
            // Only a malformed platform request (a Discord interaction without its data) gets here.
            return Error.NotFound("That request named no command.", "Type help to see every command.");
        }

        if (CommandCatalog.Find(path) is not { } spec || !_handlers.TryGetValue(spec.Path, out var handler))
        {
            return Error.NotFound($"Unknown command \"{TextCommandParser.Clip(path)}\".", "Type help to see every command.");
        }

        if (spec.OrganiserOnly && !invocation.Context.IsOrganiser)
        {
            Log.Refused(_logger, spec.Path, invocation.Context.Platform);
            return Error.Forbidden(
                $"Only organisers can use {spec.Path}.",
                "Ask an organiser; on Discord that is a member with Manage Events or an organiser role.");
        }

        if (!ArgumentValidator.Validate(spec, invocation.Options).TryGet(out var args, out var invalid))
        {
            return invalid;
        }

        return await handler(new CommandRequest(spec, args, invocation.Context), cancellationToken).ConfigureAwait(false);
    }
}
