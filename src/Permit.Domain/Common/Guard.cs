namespace Permit.Domain.Common;

/// <summary>Small checks shared by the aggregates; each failure is a <see cref="DomainException"/> with a stable code.</summary>
internal static class Guard
{
    public static string Text(string? value, string code, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainException(code, $"{what} is required.");
        if (trimmed.Length > maxLength)
            throw new DomainException(code, $"{what} is longer than {maxLength} characters.");
        return trimmed;
    }

    public static string? OptionalText(string? value, string code, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new DomainException(code, $"{what} is longer than {maxLength} characters.");
        return trimmed;
    }

    public static void NotEmpty(Guid id, string code, string what)
    {
        if (id == Guid.Empty)
            throw new DomainException(code, $"{what} is required.");
    }
}
