using System.Globalization;
using System.Text;

namespace Permit.Domain.IdCards;

/// <summary>
/// Reads and writes the text block a resident ID card reader delivers (docs/id-card.md): 256 bytes of UCS-2
/// little-endian text, each field at a fixed offset and padded with spaces.
/// </summary>
public static class IdCardTextBlock
{
    public const int Length = 256;

    private const string LongTerm = "长期";

    private static readonly Field Name = new(0, 30);
    private static readonly Field Sex = new(30, 2);
    private static readonly Field Ethnic = new(32, 4);
    private static readonly Field Birth = new(36, 16);
    private static readonly Field Address = new(52, 70);
    private static readonly Field IdNumber = new(122, 36);
    private static readonly Field Authority = new(158, 30);
    private static readonly Field ValidFrom = new(188, 16);
    private static readonly Field ValidTo = new(204, 16);
    private static readonly Field TypeCharacter = new(248, 2);

    /// <summary>The card type, which must be known before anything else is decoded: other card types use other layouts.</summary>
    public static IdCardType ReadCardType(ReadOnlySpan<byte> block)
    {
        RequireLength(block);
        return Text(block, TypeCharacter) switch
        {
            "" => IdCardType.Resident,
            "I" => IdCardType.ForeignerPermanentResidence,
            "J" => IdCardType.HongKongMacaoTaiwanResidence,
            var other => throw Malformed($"the card type character '{other}' is not one this system knows"),
        };
    }

    /// <summary>Decodes a resident ID card's text block.</summary>
    /// <exception cref="DomainException">
    /// <c>id-card-malformed</c> when the block is not a well-formed resident ID card block;
    /// <c>id-card-not-resident</c> when the block belongs to another card type.
    /// </exception>
    public static IdCardText Decode(ReadOnlySpan<byte> block)
    {
        var type = ReadCardType(block);
        if (type != IdCardType.Resident)
        {
            throw new DomainException("id-card-not-resident",
                $"The card is a {Describe(type)}, not a resident ID card; its fields are not read as one.");
        }

        var validTo = Text(block, ValidTo);
        return new IdCardText(
            Name: Required(block, Name, "name"),
            SexCode: OneOf(block, Sex, "sex", "1", "2"),
            EthnicGroupCode: Digits(block, Ethnic, "ethnic group", 2),
            BirthDate: Date(Required(block, Birth, "birth date"), "birth date"),
            Address: Required(block, Address, "address"),
            IdNumber: Required(block, IdNumber, "ID number").ToUpperInvariant(),
            IssuingAuthority: Required(block, Authority, "issuing authority"),
            ValidFrom: Date(Required(block, ValidFrom, "valid from"), "valid from"),
            ValidTo: validTo == LongTerm ? null : Date(validTo, "valid to"));
    }

    /// <summary>Writes a text block as a reader would deliver it (for emulated cards and tests).</summary>
    public static byte[] Encode(IdCardText text, IdCardType type = IdCardType.Resident)
    {
        ArgumentNullException.ThrowIfNull(text);
        var block = new byte[Length];
        Write(block, Name, text.Name);
        Write(block, Sex, text.SexCode);
        Write(block, Ethnic, text.EthnicGroupCode);
        Write(block, Birth, text.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Write(block, Address, text.Address);
        Write(block, IdNumber, text.IdNumber);
        Write(block, Authority, text.IssuingAuthority);
        Write(block, ValidFrom, text.ValidFrom.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Write(block, ValidTo, text.ValidTo?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? LongTerm);
        Write(block, new Field(220, 28), "");
        Write(block, TypeCharacter, type switch
        {
            IdCardType.ForeignerPermanentResidence => "I",
            IdCardType.HongKongMacaoTaiwanResidence => "J",
            _ => "",
        });
        Write(block, new Field(250, 6), "");
        return block;
    }

    public static string Describe(IdCardType type) => type switch
    {
        IdCardType.Resident => "resident ID card (居民身份证)",
        IdCardType.ForeignerPermanentResidence => "foreigner's permanent residence ID card (外国人永久居留身份证)",
        IdCardType.HongKongMacaoTaiwanResidence => "Hong Kong, Macao or Taiwan residence permit (港澳台居民居住证)",
        _ => "card of an unknown type",
    };

    private static void Write(Span<byte> block, Field field, string value)
    {
        var padded = value.PadRight(field.Length / 2);
        if (padded.Length * 2 != field.Length)
        {
            throw new DomainException("id-card-field-too-long", $"'{value}' does not fit a field of {field.Length / 2} characters.");
        }

        Encoding.Unicode.GetBytes(padded, block.Slice(field.Offset, field.Length));
    }

    private static string Text(ReadOnlySpan<byte> block, Field field)
    {
        var raw = block.Slice(field.Offset, field.Length);
        // The reader pads with UCS-2 spaces; some also leave NUL characters, which mean nothing either.
        return Encoding.Unicode.GetString(raw).TrimEnd(' ', '\0').Trim();
    }

    private static string Required(ReadOnlySpan<byte> block, Field field, string name)
    {
        var value = Text(block, field);
        return value.Length == 0 ? throw Malformed($"the {name} field is empty") : value;
    }

    private static string OneOf(ReadOnlySpan<byte> block, Field field, string name, params string[] allowed)
    {
        var value = Required(block, field, name);
        return allowed.Contains(value) ? value : throw Malformed($"the {name} code '{value}' is not one of {string.Join(", ", allowed)}");
    }

    private static string Digits(ReadOnlySpan<byte> block, Field field, string name, int count)
    {
        var value = Required(block, field, name);
        return value.Length == count && value.All(char.IsAsciiDigit) ? value : throw Malformed($"the {name} code '{value}' is not {count} digits");
    }

    private static DateOnly Date(string value, string name) =>
        DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Malformed($"the {name} '{value}' is not a date (YYYYMMDD)");

    private static void RequireLength(ReadOnlySpan<byte> block)
    {
        if (block.Length != Length)
        {
            throw Malformed($"the text block has {block.Length} bytes instead of {Length}");
        }
    }

    private static DomainException Malformed(string why) =>
        new("id-card-malformed", $"The ID card's text block cannot be read: {why}.");

    private readonly record struct Field(int Offset, int Length);
}
