using CampaignBot.Core.Results;

namespace CampaignBot.Discord.Rest;

/// <summary>A failed REST call: HTTP status, Discord's JSON error code (0 when there was none) and its message.</summary>
internal sealed record DiscordApiError(int Status, int Code, string Message)
{
    public bool Is(int code) => Code == code;

    /// <summary>The failure as a user-facing error, for senders and adapters to report.</summary>
    public Error ToError() => Code switch
    {
        DiscordErrorCodes.CannotMessageUser => Error.Unavailable("That person doesn't accept direct messages from the bot."),
        DiscordErrorCodes.MissingAccess or DiscordErrorCodes.MissingPermissions => Error.Forbidden($"The bot lacks permission there ({Message}).", "Give the bot View Channel and Send Messages in that channel."),
        DiscordErrorCodes.UnknownChannel => Error.NotFound("That Discord channel no longer exists.", "Run unsubscribe there, or subscribe in another channel."),
        _ when Status == 401 => Error.Unavailable("Discord rejected the bot token.", "Check Discord:Token."),
        _ when Status == 429 => Error.Unavailable("Discord is rate limiting the bot.", "Try again in a moment."),
        _ when Status == 0 => Error.Unavailable($"Discord could not be reached ({Message})."),
        _ => Error.Unavailable($"Discord refused the request: {Message} (HTTP {Status}, code {Code})."),
    };

    public override string ToString() => $"HTTP {Status} code {Code}: {Message}";
}
