namespace Permit.Documents.Cards;

/// <summary>
/// What the printed face of a permit card shows. The fields mirror EF.PERMIT (card spec v1) plus the photo and
/// the QR credential text, so the face and the chip tell the same story.
/// </summary>
public sealed record CardFace
{
    /// <summary>The issuing province, printed as the card title "{Province}居住证"; null for the national title.</summary>
    public string? Province
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    } = "浙江省";

    public required string Name { get; init => field = Require.Text(value, nameof(Name)); }

    public required Sex Sex { get; init; }

    /// <summary>GB/T 3304 code, e.g. "01" for 汉.</summary>
    public required string EthnicGroupCode { get; init => field = Require.Text(value, nameof(EthnicGroupCode)); }

    public required DateOnly BirthDate { get; init; }

    /// <summary>The 18-character citizen ID number; the card is the holder's own, so it is printed in full.</summary>
    public required string IdNumber { get; init => field = Require.Length(value, 18, nameof(IdNumber)); }

    public required string ResidenceAddress { get; init => field = Require.Text(value, nameof(ResidenceAddress)); }

    public required string IssuingAuthority { get; init => field = Require.Text(value, nameof(IssuingAuthority)); }

    public required DateOnly IssueDate { get; init; }

    /// <summary>Last day of validity, inclusive.</summary>
    public required DateOnly ValidUntil { get; init; }

    public required string PermitNumber { get; init => field = Require.Length(value, 18, nameof(PermitNumber)); }

    /// <summary>1 for the first card of a permit, +1 for each reissue (one byte on the chip).</summary>
    public required int CardSequence
    {
        get;
        init => field = value is >= 1 and <= 255 ? value : throw new ArgumentOutOfRangeException(nameof(CardSequence), value, "A card sequence is 1 to 255.");
    }

    /// <summary>JPEG (or PNG) bytes of the holder's photo; null or empty prints a silhouette.</summary>
    public byte[]? Photo { get; init; }

    /// <summary>The QR credential text (<c>RP1:</c>…) printed on the face.</summary>
    public required string QrText { get; init => field = Require.Text(value, nameof(QrText)); }

    public string Title => Province is null ? "中华人民共和国居住证" : $"{Province}居住证";
}
