namespace CampaignBot.Core.Results;

/// <summary>Broad classes of expected failure, so adapters can pick an idiom (ephemeral reply, direct message).</summary>
public enum ErrorKind
{
    /// <summary>The input could not be understood or failed validation.</summary>
    BadInput,

    /// <summary>The thing referred to does not exist (or is ambiguous).</summary>
    NotFound,

    /// <summary>The invoker lacks the permission the command needs.</summary>
    Forbidden,

    /// <summary>The request is valid but cannot be done in the current state (e.g. RSVP to a cancelled event).</summary>
    Conflict,

    /// <summary>A feature needs something that is not configured or not reachable.</summary>
    Unavailable,
}
