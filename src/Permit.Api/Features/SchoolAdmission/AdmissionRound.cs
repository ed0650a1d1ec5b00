using Permit.Domain.SchoolAdmission;

namespace Permit.Api.Features.SchoolAdmission;

/// <summary>
/// 积分入学 for one school zone and school year: the places and the conditions, fixed when the supervisor opens the round
/// (changing them after applicants were entered would make earlier runs unexplainable; a new round is opened instead).
/// </summary>
public sealed class AdmissionRound
{
    public const int ZoneMaxLength = 40;

    private AdmissionRound()
    {
        Zone = OpenedBy = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The school zone (学区) code or name as the education bureau publishes it.</summary>
    public string Zone { get; private set; }

    /// <summary>The calendar year the school year starts in (2026 → 2026–27; age cut-off 31 August 2026).</summary>
    public int SchoolYear { get; private set; }

    public int Places { get; private set; }

    public int ResidenceMonths { get; private set; }

    public int InsuranceMonths { get; private set; }

    public int MinimumAge { get; private set; }

    public int MaximumAge { get; private set; }

    /// <summary>A floor on the parent's points, whole points; null when none.</summary>
    public int? MinimumPoints { get; private set; }

    /// <summary>Full months the parent's current permit must have been held unbroken when the application is entered.</summary>
    public int PermitMonths { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string OpenedBy { get; private set; }

    public AdmissionConditions Conditions => new(ResidenceMonths, InsuranceMonths, MinimumAge, MaximumAge, MinimumPoints, PermitMonths);

    public static AdmissionRound Open(string zone, int schoolYear, int places, AdmissionConditions conditions, string openedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zone);
        ArgumentNullException.ThrowIfNull(conditions);
        return new AdmissionRound
        {
            Id = Guid.CreateVersion7(now),
            Zone = zone.Trim(),
            SchoolYear = schoolYear,
            Places = places,
            ResidenceMonths = conditions.ResidenceMonths,
            InsuranceMonths = conditions.InsuranceMonths,
            MinimumAge = conditions.MinimumAge,
            MaximumAge = conditions.MaximumAge,
            MinimumPoints = conditions.MinimumPoints is { } floor ? (int)floor : null,
            PermitMonths = conditions.PermitMonths,
            OpenedAt = now,
            OpenedBy = openedBy,
        };
    }
}

/// <summary>
/// A child applying in a round: a resident linked to the parent as their child, entered by an officer with the parent's
/// permit. The child's name and birth date and the parent's months of residence and insurance are copied from the
/// register when the application is entered (nothing is typed), so later runs rank on what the family showed then.
/// </summary>
public sealed class AdmissionApplicant
{
    public const int ChildNameMaxLength = 60;

    private AdmissionApplicant()
    {
        ChildName = ParentPermitNumber = EnteredBy = null!;
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    /// <summary>The child's resident record; one application per child per round.</summary>
    public Guid ChildResidentId { get; private set; }

    public string ChildName { get; private set; }

    public DateOnly ChildBirthDate { get; private set; }

    /// <summary>The parent's permit as entered; its id is kept so a later run reads the same permit's standing.</summary>
    public string ParentPermitNumber { get; private set; }

    public Guid ParentPermitId { get; private set; }

    public Guid ParentResidentId { get; private set; }

    /// <summary>The parent's unbroken residence in the district in full months, from the registrations at entry.</summary>
    public int ResidenceMonths { get; private set; }

    /// <summary>The parent's full months inside the social-insurance covers at entry.</summary>
    public int InsuranceMonths { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public string EnteredBy { get; private set; }

    public static AdmissionApplicant Enter(
        Guid roundId, Guid childResidentId, string childName, DateOnly childBirthDate, string parentPermitNumber, Guid parentPermitId,
        Guid parentResidentId, int residenceMonths, int insuranceMonths, string enteredBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            RoundId = roundId,
            ChildResidentId = childResidentId,
            ChildName = childName.Trim(),
            ChildBirthDate = childBirthDate,
            ParentPermitNumber = parentPermitNumber,
            ParentPermitId = parentPermitId,
            ParentResidentId = parentResidentId,
            ResidenceMonths = residenceMonths,
            InsuranceMonths = insuranceMonths,
            AppliedAt = now,
            EnteredBy = enteredBy,
        };
}
