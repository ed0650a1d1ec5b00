using Permit.CardAgent.Cards;
using Permit.Domain.Common;
using Permit.Domain.Credentials;
using Permit.Domain.IdCards;

namespace Permit.CardAgent.IdCards;

/// <summary>
/// An ID card's fields as <c>read-id</c> and <c>POST /id-card/read</c> give them: dates <c>YYYYMMDD</c> (valid-to
/// <c>长期</c> for a long-term card), sex and ethnic group as codes. A foreigner's or HK/Macao/Taiwan card is
/// reported by its <see cref="CardType"/> alone: its fields follow another layout and are never mis-decoded.
/// </summary>
public sealed record IdCardReport
{
    public const string LongTerm = "长期";

    public string? Name { get; init; }
    public string? Sex { get; init; }
    public string? EthnicGroup { get; init; }
    public string? BirthDate { get; init; }
    public string? Address { get; init; }
    public string? IdNumber { get; init; }
    public string? IssuingAuthority { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }

    /// <summary><c>resident</c>, <c>foreigner</c> or <c>hmt</c>.</summary>
    public required string CardType { get; init; }

    /// <summary><c>jpeg</c>, <c>bmp</c>, <c>png</c>, <c>wlt</c>, <c>none</c> or <c>unknown</c>.</summary>
    public required string PhotoFormat { get; init; }

    public bool IsResidentCard => CardType == "resident";

    /// <summary>Decodes what the card gave.</summary>
    /// <exception cref="CardOperationException"><c>id-card-malformed</c>.</exception>
    public static IdCardReport From(IdCardRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        IdCardType type;
        try
        {
            type = read.CardType;
        }
        catch (DomainException e)
        {
            throw new CardOperationException("id-card-malformed", $"The ID card's text block cannot be read: {e.Message}");
        }

        var typeName = type switch
        {
            IdCardType.ForeignerPermanentResidence => "foreigner",
            IdCardType.HongKongMacaoTaiwanResidence => "hmt",
            _ => "resident",
        };
        if (type != IdCardType.Resident)
            return new IdCardReport { CardType = typeName, PhotoFormat = read.PhotoFormat };

        IdCardText text;
        try
        {
            text = IdCardTextBlock.Decode(read.TextBlock);
        }
        catch (DomainException e)
        {
            throw new CardOperationException("id-card-malformed", $"The ID card's text block cannot be read: {e.Message}");
        }

        return new IdCardReport
        {
            Name = text.Name,
            Sex = text.SexCode,
            EthnicGroup = text.EthnicGroupCode,
            BirthDate = PermitFormats.FormatCompactDate(text.BirthDate),
            Address = text.Address,
            IdNumber = text.IdNumber,
            IssuingAuthority = text.IssuingAuthority,
            ValidFrom = PermitFormats.FormatCompactDate(text.ValidFrom),
            ValidTo = text.ValidTo is { } to ? PermitFormats.FormatCompactDate(to) : LongTerm,
            CardType = typeName,
            PhotoFormat = read.PhotoFormat,
        };
    }

    /// <summary>What the card is, for a person: "resident ID card (居民身份证)" and so on.</summary>
    public static string Describe(string cardType) => IdCardTextBlock.Describe(cardType switch
    {
        "foreigner" => IdCardType.ForeignerPermanentResidence,
        "hmt" => IdCardType.HongKongMacaoTaiwanResidence,
        _ => IdCardType.Resident,
    });
}
