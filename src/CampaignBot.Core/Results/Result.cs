using System.Diagnostics.CodeAnalysis;

namespace CampaignBot.Core.Results;

/// <summary>Either a value or an <see cref="Error"/>. Expected failures travel as values; exceptions are for bugs.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result holds an error: {Error}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Error error) => Fail(error);

    public bool TryGet([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out Error? error)
    {
        value = _value;
        error = Error;
        return IsSuccess;
    }

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? Result<TOut>.Ok(map(_value!)) : Result<TOut>.Fail(Error);

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({Error})";
}
