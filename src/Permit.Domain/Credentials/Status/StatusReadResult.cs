namespace Permit.Domain.Credentials.Status;

/// <summary>A verified status list or delta, or the refusal code (docs/status-list.md, "Refusals") and why.</summary>
public sealed record StatusReadResult<T>(T? Value, string? Code, string? Error)
    where T : class
{
    public bool IsValid => Value is not null;
}

internal static class StatusRead
{
    public static StatusReadResult<T> Read<T>(T value)
        where T : class => new(value, null, null);

    public static StatusReadResult<T> Refused<T>(string code, string error)
        where T : class => new(null, code, error);
}

/// <summary>The refusal codes a status list or delta is refused with; the first four are the credentials' own.</summary>
public static class StatusRefusals
{
    public static readonly string Malformed = RefusalReason.Malformed.Code();
    public static readonly string UnknownKey = RefusalReason.UnknownKey.Code();
    public static readonly string IssuerKeyRevoked = RefusalReason.IssuerKeyRevoked.Code();
    public static readonly string BadSignature = RefusalReason.BadSignature.Code();
    public static readonly string NotAuthorisedForRegion = RefusalReason.IssuerNotAuthorisedForRegion.Code();
    public const string TooLarge = "too-large";
    public const string UnknownVersion = "unknown-version";
    public const string WrongBase = "wrong-base";
    public const string Rollback = "rollback";
}
