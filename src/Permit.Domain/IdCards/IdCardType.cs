namespace Permit.Domain.IdCards;

/// <summary>The kind of card a reader delivered, from the type character at bytes 248–249 of the text block.</summary>
public enum IdCardType
{
    /// <summary>居民身份证 — type character space.</summary>
    Resident,

    /// <summary>外国人永久居留身份证 — type character <c>I</c>; its fields follow another layout.</summary>
    ForeignerPermanentResidence,

    /// <summary>港澳台居民居住证 — type character <c>J</c>; its fields follow another layout.</summary>
    HongKongMacaoTaiwanResidence,
}
