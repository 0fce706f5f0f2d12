using CampaignBot.Core.Invocation;
using CampaignBot.Core.Results;

namespace CampaignBot.Core.Ports;

/// <summary>
/// The one entry point adapters call. Never throws (but for cancellation): bad input comes back as an
/// <see cref="Error"/> saying what to type instead, and a bug as <see cref="Error.Internal"/>, logged by the router.
/// </summary>
public interface ICommandRouter
{
    /// <summary>Runs a command whose options are already split out (Discord interactions).</summary>
    Task<Result<Reply>> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken);

    /// <summary>Parses and runs one line of text (shell, Mastodon mentions), e.g. <c>/rsvp 3 going</c>.</summary>
    Task<Result<Reply>> HandleTextAsync(string text, CommandContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Suggestions for an option being typed (events, time zones, hashtags), best first, at most
    /// <paramref name="limit"/>. Empty for options that don't autocomplete, and when finding them failed (logged).
    /// </summary>
    Task<IReadOnlyList<Completion>> CompleteAsync(IReadOnlyList<string> path, string option, string partial, int limit, CancellationToken cancellationToken);
}
