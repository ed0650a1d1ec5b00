namespace Permit.Domain.Families;

/// <summary>
/// The number printed on a 出生医学证明 (medical birth certificate): one capital letter (the print batch) and nine digits,
/// e.g. <c>P330012345</c>. An infant has no ID card to read; the guardian shows this certificate instead.
/// </summary>
public sealed record BirthCertificateNumber
{
    public const string InvalidCode = "birth-certificate-number-invalid";

    private BirthCertificateNumber(string value) => Value = value;

    public string Value { get; }

    public static BirthCertificateNumber Parse(string? text)
    {
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 10 || value[0] is < 'A' or > 'Z' || !value.Skip(1).All(char.IsAsciiDigit))
            throw new DomainException(InvalidCode, "A birth certificate number is one capital letter and nine digits, e.g. P330012345.");
        return new BirthCertificateNumber(value);
    }

    public override string ToString() => Value;
}
