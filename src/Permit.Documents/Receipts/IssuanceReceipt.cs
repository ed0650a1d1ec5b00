namespace Permit.Documents.Receipts;

/// <summary>
/// What the applicant takes home when the permit is issued: proof of the application, the one-time code that
/// activates the card at a self-service terminal, and the e-permit QR.
/// </summary>
public sealed record IssuanceReceipt
{
    /// <summary>The API's codes are 16 characters in groups of four (19 with the dashes); room for a longer scheme.</summary>
    public const int MaxActivationCodeLength = 24;

    /// <summary>The issuing province, printed in the title; null for the national title.</summary>
    public string? Province
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    } = "浙江省";

    public required string ApplicantName { get; init => field = Require.Text(value, nameof(ApplicantName)); }

    /// <summary>The full ID number; only its masked form (first 6 + ******** + last 4) is ever printed.</summary>
    public required string IdNumber { get; init => field = Require.Length(value, 18, nameof(IdNumber)); }

    public required string PermitNumber { get; init => field = Require.Length(value, 18, nameof(PermitNumber)); }

    public required DateOnly AcceptedOn { get; init; }

    public required DateOnly IssuedOn { get; init; }

    /// <summary>The last day on which the card can be collected and activated.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>
    /// The one-time self-service activation code, printed large exactly as given; null when the holder's account is
    /// already active (the receipt then says so instead).
    /// </summary>
    public required string? ActivationCode
    {
        get;
        init => field = value is null ? null : Require.Text(value, nameof(ActivationCode)) is { Length: <= MaxActivationCodeLength } code
            ? code
            : throw new ArgumentException($"An activation code is at most {MaxActivationCodeLength} characters.", nameof(ActivationCode));
    }

    public required string IssuingAuthority { get; init => field = Require.Text(value, nameof(IssuingAuthority)); }

    /// <summary>The e-permit QR credential text (<c>RP1:</c>…).</summary>
    public required string QrText { get; init => field = Require.Text(value, nameof(QrText)); }

    /// <summary>The holder's photo (JPEG or PNG), printed beside the details; null prints none.</summary>
    public byte[]? Photo { get; init; }

    public string Title => Province is null ? "居住证签发回执" : $"{Province}居住证签发回执";
}
