using System.Text;

namespace Permit.HardwareSim.IdCards;

/// <summary>
/// The 256-byte text block a SAM reader delivers (docs/id-card.md): UCS-2 little-endian, space padded,
/// fields at fixed offsets, the card type at bytes 248–249.
/// Written apart from the agent's own code (Permit.Iso7816, Permit.Domain) on purpose: the emulator and the agent each
/// implement the format from docs, so each checks the other.
/// </summary>
public static class IdCardTextBlock
{
    public const int Length = 256;

    private static readonly (int Offset, int Bytes, string Field)[] Layout =
    [
        (0, 30, "name"),
        (30, 2, "sex"),
        (32, 4, "ethnicGroup"),
        (36, 16, "birthDate"),
        (52, 70, "address"),
        (122, 36, "idNumber"),
        (158, 30, "issuingAuthority"),
        (188, 16, "validFrom"),
        (204, 16, "validTo"),
        (248, 2, "cardType"),
    ];

    /// <exception cref="InvalidDataException">A value does not fit its field or is not one the field can hold.</exception>
    public static byte[] Encode(IdCardData data)
    {
        var values = new[]
        {
            data.Name,
            SexCode(data.Sex),
            Digits(data.EthnicGroup, 2, "ethnicGroup"),
            Date(data.BirthDate, "birthDate"),
            data.Address,
            data.IdNumber,
            data.IssuingAuthority,
            Date(data.ValidFrom, "validFrom"),
            data.ValidTo.Trim() is "长期" or "long-term" ? "长期" : Date(data.ValidTo, "validTo"),
            CardTypeCode(data.CardType),
        };

        var block = Encoding.Unicode.GetBytes(new string(' ', Length / 2));
        for (var i = 0; i < Layout.Length; i++)
        {
            var (offset, bytes, field) = Layout[i];
            var encoded = Encoding.Unicode.GetBytes(values[i].Trim());
            if (encoded.Length > bytes)
            {
                throw new InvalidDataException($"ID card {field} is longer than its {bytes / 2} characters.");
            }

            encoded.CopyTo(block, offset);
        }

        return block;
    }

    private static string SexCode(string sex) => sex.Trim().ToUpperInvariant() switch
    {
        "1" or "MALE" or "男" => "1",
        "2" or "FEMALE" or "女" => "2",
        _ => throw new InvalidDataException("ID card sex must be 1 (male) or 2 (female)."),
    };

    private static string CardTypeCode(string cardType) => cardType.Trim().ToUpperInvariant() switch
    {
        "" or "RESIDENT" => " ",
        "FOREIGNER" or "I" => "I",
        "HMT" or "J" => "J",
        _ => throw new InvalidDataException("ID card cardType must be resident, foreigner or hmt."),
    };

    private static string Date(string value, string field) => Digits(value.Replace("-", "", StringComparison.Ordinal), 8, field);

    private static string Digits(string value, int count, string field)
    {
        var trimmed = value.Trim();
        return trimmed.Length == count && trimmed.All(char.IsAsciiDigit)
            ? trimmed
            : throw new InvalidDataException($"ID card {field} must be {count} digits.");
    }
}
