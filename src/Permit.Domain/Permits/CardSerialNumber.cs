using System.Diagnostics.CodeAnalysis;

namespace Permit.Domain.Permits;

/// <summary>
/// The 8-byte chip serial number a card answers to GET DATA (docs/permit-card.md), as 16 upper-case hex digits.
/// Never logged in full: <see cref="ToString"/> is masked.
/// </summary>
public sealed record CardSerialNumber
{
    private CardSerialNumber(string value) => Value = value;

    public string Value { get; }

    public string Masked => "************" + Value[12..];

    public static CardSerialNumber FromBytes(ReadOnlySpan<byte> serial) =>
        serial.Length == 8
            ? new CardSerialNumber(Convert.ToHexString(serial))
            : throw new DomainException("card-serial-invalid", "A card serial number is 8 bytes.");

    public static CardSerialNumber Parse(string? value) =>
        TryParse(value, out var serial) ? serial : throw new DomainException("card-serial-invalid", "A card serial number is 16 hex digits.");

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out CardSerialNumber? serial)
    {
        serial = null;
        var text = value?.Trim();
        if (text is null || text.Length != 16 || !text.All(char.IsAsciiHexDigit))
            return false;
        serial = new CardSerialNumber(text.ToUpperInvariant());
        return true;
    }

    public override string ToString() => Masked;
}
