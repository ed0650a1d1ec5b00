namespace Permit.Domain.Credentials;

/// <summary>
/// The outcome of decoding bytes or text that came from outside (a card, a camera, a download):
/// either a value, or a reason it could not be read. Decoders return this instead of throwing, because bad
/// input is an expected event at a verification counter, not a bug.
/// </summary>
public sealed record DecodeResult<T>
    where T : class
{
    internal DecodeResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>Why the input was refused, for logs and support (never contains personal data).</summary>
    public string? Error { get; }

    public bool IsValid => Value is not null;
}

/// <summary>Factories for <see cref="DecodeResult{T}"/>.</summary>
public static class DecodeResult
{
    public static DecodeResult<T> Ok<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static DecodeResult<T> Malformed<T>(string error)
        where T : class => new(null, error);
}
