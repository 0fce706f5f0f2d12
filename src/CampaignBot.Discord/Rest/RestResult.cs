using System.Diagnostics.CodeAnalysis;

namespace CampaignBot.Discord.Rest;

/// <summary>A REST outcome: the value, or Discord's typed error.</summary>
internal readonly record struct RestResult<T>(T? Value, DiscordApiError? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator RestResult<T>(DiscordApiError error) => new(default, error);

    public static RestResult<T> Ok(T value) => new(value, null);
}
