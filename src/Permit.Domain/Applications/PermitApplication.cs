using Permit.Domain.Registrations;

namespace Permit.Domain.Applications;

/// <summary>
/// An application for a residence permit. Missing documents are named all at once (一次性告知); once complete and
/// eligible the application is accepted and must be decided within 15 days (extendable once, to 30 days after
/// acceptance); a supervisor approves, any official may reject with a reason.
/// </summary>
public sealed class PermitApplication
{
    public const int IssueDays = 15;
    public const int ExtendedIssueDays = 30;
    public const int MaxReasonLength = 500;

    private readonly List<SubmittedDocument> _documents = [];

    private PermitApplication()
    {
        // For EF Core materialization.
    }

    public Guid Id { get; private set; }

    public Guid ResidentId { get; private set; }

    public Guid RegistrationId { get; private set; }

    /// <summary>Copied from the registration when submitted: the 6-month period counts from it.</summary>
    public DateOnly RegistrationDate { get; private set; }

    public ResidenceBasis Basis { get; private set; }

    public DistrictExemption Exemption { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>The day by which the permit must be issued (acceptance + 15 days, or + 30 once extended).</summary>
    public DateOnly? DueDate { get; private set; }

    public bool DueDateExtended { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>Staff identifier of the official who approved or rejected.</summary>
    public string? DecidedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    public IReadOnlyCollection<SubmittedDocument> Documents => _documents.AsReadOnly();

    /// <summary>What the basis requires: always ID card and photo, plus the proof of the basis.</summary>
    public IReadOnlyList<DocumentRequirement> RequiredDocuments => DocumentRequirement.For(Basis);

    /// <summary>Every requirement not yet met, all at once, in the order they are listed to the applicant.</summary>
    public IReadOnlyList<DocumentRequirement> MissingDocuments =>
        [.. RequiredDocuments.Where(r => !r.IsSatisfiedBy(_documents.Select(d => d.Kind)))];

    /// <summary>A resident applies on the basis of their (active) residence registration.</summary>
    public static PermitApplication Submit(Guid residentId, ResidenceRegistration registration, DistrictExemption exemption, DateOnly today)
    {
        Guard.NotEmpty(residentId, "application-resident-required", "The applicant");
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.ResidentId != residentId)
            throw new DomainException("application-registration-mismatch", "The residence registration belongs to someone else.");
        if (!registration.IsActive)
            throw new DomainException("application-registration-not-active", "The residence registration is no longer active.");
        if (!Enum.IsDefined(exemption))
            throw new DomainException("application-exemption-invalid", "Unknown district exemption.");
        return new PermitApplication
        {
            Id = Guid.CreateVersion7(),
            ResidentId = residentId,
            RegistrationId = registration.Id,
            RegistrationDate = registration.RegistrationDate,
            Basis = registration.Basis,
            Exemption = exemption,
            Status = ApplicationStatus.Submitted,
            SubmittedOn = today,
        };
    }

    /// <summary>
    /// The application behind a permit taken over from the system a district replaces: approved on the permit's issue
    /// day by <paramref name="decidedBy"/>, as the old system decided it. The rules the desk applies still hold: the
    /// registration is the resident's, was in force that day, and had lasted six months (no district exemption is
    /// assumed). The documents stay in the old system's files; none are listed.
    /// </summary>
    public static PermitApplication TakeOver(Guid residentId, ResidenceRegistration registration, DateOnly decidedOn, string decidedBy)
    {
        Guard.NotEmpty(residentId, "application-resident-required", "The applicant");
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.ResidentId != residentId)
            throw new DomainException("application-registration-mismatch", "The residence registration belongs to someone else.");
        if (registration.RegistrationDate > decidedOn || registration.MovedOutOn < decidedOn)
            throw new DomainException("application-registration-not-active", "The residence registration was not in force on the issue day.");
        var eligibility = Eligibility.Evaluate(registration.RegistrationDate, true, DistrictExemption.None, decidedOn);
        if (!eligibility.IsEligible)
            throw new DomainException("application-not-eligible", eligibility.Reason!);
        return new PermitApplication
        {
            Id = Guid.CreateVersion7(),
            ResidentId = residentId,
            RegistrationId = registration.Id,
            RegistrationDate = registration.RegistrationDate,
            Basis = registration.Basis,
            Exemption = DistrictExemption.None,
            Status = ApplicationStatus.Approved,
            SubmittedOn = decidedOn,
            AcceptedOn = decidedOn,
            DueDate = decidedOn.AddDays(IssueDays),
            DecidedOn = decidedOn,
            DecidedBy = Guard.Text(decidedBy, "application-decided-by-required", "Who decided", 100),
        };
    }

    public Eligibility EligibilityOn(DateOnly today) => Eligibility.Evaluate(RegistrationDate, true, Exemption, today);

    /// <summary>The applicant hands in a document (before acceptance).</summary>
    public void AddDocument(DocumentKind kind, string reference, DateOnly today)
    {
        EnsureStatus(ApplicationStatus.Submitted, "Documents are added before the application is accepted.");
        if (!Enum.IsDefined(kind))
            throw new DomainException("application-document-kind-invalid", "Unknown document kind.");
        _documents.Add(new SubmittedDocument(kind, Guard.Text(reference, "application-document-reference-required", "The document reference", 200), today));
    }

    /// <summary>
    /// The office accepts a complete application of an eligible applicant; the permit is due 15 days later.
    /// Refused with <c>application-documents-missing</c> (naming every missing document) or <c>application-not-eligible</c>.
    /// </summary>
    public void Accept(DateOnly today)
    {
        EnsureStatus(ApplicationStatus.Submitted, "Only a submitted application can be accepted.");
        var missing = MissingDocuments;
        if (missing.Count > 0)
        {
            throw new DomainException(
                "application-documents-missing",
                "Missing documents: " + string.Join("; ", missing.Select(m => m.Name)) + ".",
                new Dictionary<string, string> { ["missingDocuments"] = string.Join(',', missing.Select(m => m.Code)) });
        }
        var eligibility = EligibilityOn(today);
        if (!eligibility.IsEligible)
            throw new DomainException("application-not-eligible", eligibility.Reason!);
        Status = ApplicationStatus.Accepted;
        AcceptedOn = today;
        DueDate = today.AddDays(IssueDays);
    }

    /// <summary>
    /// A supervisor extends the issuing period once, to 30 days after acceptance (as the rules allow), giving the reason
    /// the audit trail keeps: an extension postpones the applicant's permit, so a desk clerk alone may not grant it.
    /// Returns the trimmed reason.
    /// </summary>
    public string ExtendDueDate(Official supervisor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (!supervisor.IsSupervisor)
            throw new DomainException("application-extension-requires-supervisor", "Only a supervisor may extend an application's due date.");
        EnsureStatus(ApplicationStatus.Accepted, "Only an accepted, undecided application has a due date to extend.");
        if (DueDateExtended)
            throw new DomainException("application-due-date-already-extended", "The due date can be extended only once.");
        var given = Guard.Text(reason, "application-extension-reason-required", "The reason for the extension", MaxReasonLength);
        DueDate = AcceptedOn!.Value.AddDays(ExtendedIssueDays);
        DueDateExtended = true;
        return given;
    }

    /// <summary>A supervisor approves the accepted application; the permit can then be issued.</summary>
    public void Approve(Official supervisor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        EnsureStatus(ApplicationStatus.Accepted, "Only an accepted application can be approved.");
        if (!supervisor.IsSupervisor)
            throw new DomainException("application-approval-requires-supervisor", "Only a supervisor may approve an application.");
        Status = ApplicationStatus.Approved;
        DecidedOn = today;
        DecidedBy = supervisor.Id;
    }

    /// <summary>An official rejects the application, giving the reason the applicant will read.</summary>
    public void Reject(string reason, Official official, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (Status is ApplicationStatus.Approved or ApplicationStatus.Rejected)
            throw new DomainException("application-already-decided", "The application has already been decided.");
        RejectionReason = Guard.Text(reason, "application-rejection-reason-required", "The rejection reason", MaxReasonLength);
        Status = ApplicationStatus.Rejected;
        DecidedOn = today;
        DecidedBy = official.Id;
    }

    /// <summary>True when an accepted application is still undecided after its due date.</summary>
    public bool IsOverdue(DateOnly today) => Status == ApplicationStatus.Accepted && today > DueDate;

    private void EnsureStatus(ApplicationStatus expected, string message)
    {
        if (Status != expected)
            throw new DomainException(Status is ApplicationStatus.Approved or ApplicationStatus.Rejected ? "application-already-decided" : "application-wrong-status", message);
    }
}
