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

    /// <summary>
    /// Text that ends up on the permit card, where the limit is in UTF-8 bytes (docs/permit-card.md: name 60, addresses 210,
    /// authority 90). Checking here keeps a too-long value from failing at personalization, weeks later.
    /// </summary>
    public static string CardText(string? value, string code, string what, int maxUtf8Bytes)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainException(code, $"{what} is required.");
        if (System.Text.Encoding.UTF8.GetByteCount(trimmed) > maxUtf8Bytes)
            throw new DomainException(code, $"{what} is longer than the card holds ({maxUtf8Bytes} bytes of UTF-8).");
        return trimmed;
    }

    public static void NotEmpty(Guid id, string code, string what)
    {
        if (id == Guid.Empty)
            throw new DomainException(code, $"{what} is required.");
    }
}
