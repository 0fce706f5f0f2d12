using System.Diagnostics.CodeAnalysis;

namespace CampaignBot.Mastodon.Rest;

/// <summary>A REST outcome: the value, or the server's typed error.</summary>
internal readonly record struct MastodonResult<T>(T? Value, MastodonApiError? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Error is null;

    public static implicit operator MastodonResult<T>(MastodonApiError error) => new(default, error);

    public static MastodonResult<T> Ok(T value) => new(value, null);
}
