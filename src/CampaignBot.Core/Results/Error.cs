namespace CampaignBot.Core.Results;

/// <summary>
/// An expected failure to show the user. <see cref="Message"/> says what went wrong;
/// <see cref="Hint"/>, when present, says what to type instead.
/// </summary>
public sealed record Error(ErrorKind Kind, string Message, string? Hint = null)
{
    public static Error BadInput(string message, string? hint = null) => new(ErrorKind.BadInput, message, hint);

    public static Error NotFound(string message, string? hint = null) => new(ErrorKind.NotFound, message, hint);

    public static Error Forbidden(string message, string? hint = null) => new(ErrorKind.Forbidden, message, hint);

    public static Error Conflict(string message, string? hint = null) => new(ErrorKind.Conflict, message, hint);

    public static Error Unavailable(string message, string? hint = null) => new(ErrorKind.Unavailable, message, hint);

    /// <summary>
    /// A bug, not the user's doing: the one wording every surface shows when a command failed unexpectedly
    /// (its details are in the bot's log, never in the reply).
    /// </summary>
    public static Error Internal(string command) =>
        Unavailable($"Something went wrong running {command}; it has been logged for the organisers.", "Try again in a moment.");

    public override string ToString() => Hint is null ? Message : $"{Message} {Hint}";
}
