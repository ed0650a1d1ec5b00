namespace Permit.Documents.Receipts;

/// <summary>
/// The 受理回执 the applicant takes home the day the office accepts the application: proof that it was accepted, the
/// documents handed in, and the day the permit is due. It carries no activation code (that comes only at issue).
/// </summary>
public sealed record AcceptanceReceipt
{
    public required string ApplicantName { get; init => field = Require.Text(value, nameof(ApplicantName)); }

    /// <summary>The full ID number; only its masked form (first 6 + ******** + last 4) is ever printed.</summary>
    public required string IdNumber { get; init => field = Require.Length(value, 18, nameof(IdNumber)); }

    /// <summary>The application's reference, printed so the applicant can quote it.</summary>
    public required string Reference { get; init => field = Require.Text(value, nameof(Reference)); }

    public required DateOnly AcceptedOn { get; init; }

    /// <summary>The last day the office has to decide (15 days after acceptance, 30 when extended).</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>The documents handed in, as the applicant reads them (Chinese names).</summary>
    public required IReadOnlyList<string> Documents { get; init; }

    public required string IssuingAuthority { get; init => field = Require.Text(value, nameof(IssuingAuthority)); }

    public const string Title = "居住证申请受理回执";
}
