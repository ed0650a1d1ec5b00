namespace Permit.Api.Features.Points;

/// <summary>
/// A period in which the resident's social insurance was paid in Zhejiang, as the social-security bureau's statement
/// shows it (recorded by an officer). Each full calendar month inside a cover accrues a social-insurance month.
/// </summary>
public sealed class SocialInsuranceCover
{
    private SocialInsuranceCover() { }

    internal SocialInsuranceCover(Guid residentId, DateOnly coveredFrom, DateOnly? coveredUntil, string evidenceReference, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ResidentId = residentId;
        CoveredFrom = coveredFrom;
        CoveredUntil = coveredUntil;
        EvidenceReference = evidenceReference;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid ResidentId { get; private set; }

    public DateOnly CoveredFrom { get; private set; }

    /// <summary>Last day paid; null while contributions continue.</summary>
    public DateOnly? CoveredUntil { get; private set; }

    public string EvidenceReference { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Ends an open cover (the bureau reports the contributions stopped).</summary>
    internal void EndOn(DateOnly lastDay) => CoveredUntil = lastDay;
}
