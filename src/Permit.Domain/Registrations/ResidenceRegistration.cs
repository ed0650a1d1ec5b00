using Permit.Domain.Regions;

namespace Permit.Domain.Registrations;

/// <summary>
/// A migrant's residence registration (居住登记, docs/domain.md §1): where they live (address and 12-digit community code),
/// since when, and on what basis. Changes of address or workplace are declared; moving out ends the registration.
/// </summary>
public sealed class ResidenceRegistration
{
    /// <summary>Days within which a change of address or workplace must be declared.</summary>
    public const int DeclarationDays = 10;
    /// <summary>UTF-8 bytes, as EF.PERMIT tag 88 (residence address) holds them.</summary>
    public const int MaxAddressBytes = 210;
    public const int MaxTextLength = 200;
    /// <summary>Employers and landlords report arrivals within 3 working days (docs/domain.md §1).</summary>
    public const int ReportWorkingDays = 3;

    private readonly List<RegistrationChange> _changes = [];

    private ResidenceRegistration()
    {
        // For EF Core materialization.
        Address = null!;
        CommunityCode = null!;
        Evidence = null!;
        EmployerOrLandlord = null!;
    }

    private ResidenceRegistration(Guid residentId, string address, CommunityCode communityCode, ResidenceBasis basis, string evidence, string employerOrLandlord)
    {
        Id = Guid.CreateVersion7();
        ResidentId = residentId;
        Address = address;
        CommunityCode = communityCode;
        Basis = basis;
        Evidence = evidence;
        EmployerOrLandlord = employerOrLandlord;
        Status = RegistrationStatus.Active;
    }

    public Guid Id { get; private set; }

    public Guid ResidentId { get; private set; }

    public string Address { get; private set; }

    public CommunityCode CommunityCode { get; private set; }

    public DateOnly ArrivalDate { get; private set; }

    /// <summary>The day the registration was made: the 6-month eligibility period counts from here.</summary>
    public DateOnly RegistrationDate { get; private set; }

    public ResidenceBasis Basis { get; private set; }

    /// <summary>What proves the basis: a reference to a labour contract, tenancy registration, enrolment certificate…</summary>
    public string Evidence { get; private set; }

    /// <summary>The employer (employment, study: the school) or the landlord (residence).</summary>
    public string EmployerOrLandlord { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public DateOnly? MovedOutOn { get; private set; }

    /// <summary>The day an employer or landlord reported the arrival (bulk report); null when the migrant declared it.</summary>
    public DateOnly? ReportedOn { get; private set; }

    /// <summary>Working days (China's calendar) between the arrival and the report; more than 3 is late.</summary>
    public int? ReportDelayWorkingDays { get; private set; }

    /// <summary>Reported by an employer or landlord more than <see cref="ReportWorkingDays"/> working days after arrival.</summary>
    public bool WasReportedLate => ReportDelayWorkingDays > ReportWorkingDays;

    public bool IsActive => Status == RegistrationStatus.Active;

    /// <summary>Every declared change, oldest first.</summary>
    public IReadOnlyCollection<RegistrationChange> Changes => _changes.AsReadOnly();

    /// <summary>A migrant declares residence (at a police station, a community window or online).</summary>
    public static ResidenceRegistration Declare(
        Guid residentId,
        string address,
        CommunityCode communityCode,
        DateOnly arrivalDate,
        DateOnly registrationDate,
        ResidenceBasis basis,
        string evidence,
        string employerOrLandlord)
    {
        Guard.NotEmpty(residentId, "registration-resident-required", "The resident");
        ArgumentNullException.ThrowIfNull(communityCode);
        if (!Enum.IsDefined(basis))
            throw new DomainException("registration-basis-invalid", "The basis is employment, residence or study.");
        if (arrivalDate > registrationDate)
            throw new DomainException("registration-arrival-after-registration", "A migrant registers after arriving, not before.");
        return new ResidenceRegistration(
            residentId,
            Guard.CardText(address, "registration-address-invalid", "The address", MaxAddressBytes),
            communityCode,
            basis,
            Guard.Text(evidence, "registration-evidence-required", "The evidence of the basis", MaxTextLength),
            Guard.Text(employerOrLandlord, "registration-host-required", "The employer or landlord", MaxTextLength))
        {
            ArrivalDate = arrivalDate,
            RegistrationDate = registrationDate,
        };
    }

    /// <summary>
    /// Records that an employer or landlord reported this arrival on <paramref name="reportedOn"/>, counted in working days
    /// by <paramref name="calendar"/>; a late report is still recorded, flagged by <see cref="WasReportedLate"/>.
    /// </summary>
    public void RecordEmployerReport(DateOnly reportedOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (reportedOn < ArrivalDate)
            throw new DomainException("registration-reported-before-arrival", "An arrival is reported on or after the day it happened.");
        ReportedOn = reportedOn;
        ReportDelayWorkingDays = calendar.WorkingDaysBetween(ArrivalDate, reportedOn);
    }

    /// <summary>The resident declares a new address. Declared more than 10 days after the move: accepted, flagged late.</summary>
    public RegistrationChange ChangeAddress(string newAddress, CommunityCode newCommunityCode, DateOnly changedOn, DateOnly declaredOn)
    {
        ArgumentNullException.ThrowIfNull(newCommunityCode);
        var address = Guard.CardText(newAddress, "registration-address-invalid", "The address", MaxAddressBytes);
        var change = Record(RegistrationChangeKind.Address, address, newCommunityCode.Value, changedOn, declaredOn);
        Address = address;
        CommunityCode = newCommunityCode;
        return change;
    }

    /// <summary>The resident declares a new employer (or school, or landlord) with its evidence; late declarations are flagged.</summary>
    public RegistrationChange ChangeWorkplace(string newEmployerOrLandlord, string evidence, DateOnly changedOn, DateOnly declaredOn)
    {
        var host = Guard.Text(newEmployerOrLandlord, "registration-host-required", "The employer or landlord", MaxTextLength);
        var proof = Guard.Text(evidence, "registration-evidence-required", "The evidence of the basis", MaxTextLength);
        var change = Record(RegistrationChangeKind.Workplace, host, null, changedOn, declaredOn);
        EmployerOrLandlord = host;
        Evidence = proof;
        return change;
    }

    /// <summary>The resident (or the employer/landlord, by report) declares departure; the registration ends.</summary>
    public void MoveOut(DateOnly movedOutOn)
    {
        EnsureActive();
        if (movedOutOn < RegistrationDate)
            throw new DomainException("registration-move-out-before-registration", "A registration cannot end before it began.");
        Status = RegistrationStatus.MovedOut;
        MovedOutOn = movedOutOn;
    }

    /// <summary>True when the registration has lasted at least 6 months on <paramref name="today"/> (5 months 30 days is not enough).</summary>
    public bool HasLastedSixMonths(DateOnly today) => RegistrationDate.AddMonths(6) <= today;

    private RegistrationChange Record(RegistrationChangeKind kind, string value, string? communityCode, DateOnly changedOn, DateOnly declaredOn)
    {
        EnsureActive();
        if (declaredOn < changedOn)
            throw new DomainException("registration-change-declared-before-it-happened", "A change is declared on or after the day it happens.");
        if (changedOn < RegistrationDate)
            throw new DomainException("registration-change-before-registration", "A change cannot predate the registration.");
        var change = new RegistrationChange(kind, value, communityCode, changedOn, declaredOn);
        _changes.Add(change);
        return change;
    }

    private void EnsureActive()
    {
        if (!IsActive)
            throw new DomainException("registration-not-active", "The resident has moved out; the registration can no longer change.");
    }
}
