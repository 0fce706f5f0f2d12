using CampaignBot.Core.Results;

namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// A failed REST call: the HTTP status (0 when the server could not be reached), the server's <c>error</c> text and,
/// for throttling, when the budget resets.
/// </summary>
internal sealed record MastodonApiError(int Status, string Message, DateTimeOffset? RetryAt = null)
{
    /// <summary>
    /// A failure that trying again cannot mend, whatever <see cref="Status"/> says: the bot could not tell whether its
    /// own earlier post exists (see <c>StatusPoster</c>).
    /// </summary>
    public bool Final { get; init; }

    public bool IsRateLimited => Status == 429;

    public bool IsTransient => !Final && (Status == 0 || Status >= 500);

    /// <summary>The failure as a user-facing error, for senders and adapters to report.</summary>
    public Error ToError() => Status switch
    {
        _ when Final => Error.Conflict($"Not posted: {Message}.", "Look at the bot's own statuses, and post it by hand if it is missing."),
        401 => Error.Unavailable("Mastodon rejected the bot's access token.", "Check Mastodon:AccessToken."),
        403 => Error.Forbidden($"Mastodon refused that ({Message}).", "Check the token's scopes (read, write:statuses)."),
        404 => Error.NotFound($"Mastodon could not find that ({Message})."),
        422 => Error.BadInput($"Mastodon did not accept the post: {Message}"),
        429 => Error.Unavailable("Mastodon is rate limiting the bot.", RetryAt is { } at ? $"The budget resets at {at:HH:mm:ss} UTC." : "Try again in a moment."),
        0 => Error.Unavailable($"Mastodon could not be reached ({Message})."),
        _ => Error.Unavailable($"Mastodon failed: {Message} (HTTP {Status})."),
    };

    public override string ToString() => Final ? Message : Status == 0 ? $"unreachable: {Message}" : $"HTTP {Status}: {Message}";
}
