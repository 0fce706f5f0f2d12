using System.Diagnostics.CodeAnalysis;

namespace CampaignBot.Adapters;

/// <summary>
/// The outcome of a call to a platform's REST API: the value, or the platform's typed error. Checking
/// <see cref="IsSuccess"/> tells the compiler which one is there, so callers need no <c>!</c>.
/// </summary>
public readonly record struct ApiResult<T, TError>(T? Value, TError? Error)
    where TError : class
{
    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Error is null;

    public static implicit operator ApiResult<T, TError>(TError error) => new(default, error);

    public static ApiResult<T, TError> Ok(T value) => new(value, null);
}
